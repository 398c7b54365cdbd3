// Page loader: checks WebAssembly and WebGL2 first and explains plainly when either is missing,
// shows download progress, then starts hemis.js. Runs last, after the bridge and the API.
"use strict";
(function () {
  const panel = document.getElementById("loading");
  const label = document.getElementById("loading-text");
  const bar = document.getElementById("loading-progress");

  function fail(key, detail) {
    panel.classList.remove("hidden");
    panel.classList.add("error");
    label.textContent = window.hemisText(key, detail);
  }
  window.hemisShell = { fail: fail };

  function hasWebgl2() {
    try { return !!document.createElement("canvas").getContext("webgl2"); } catch (e) { return false; }
  }
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    fail("noWasm");
    return;
  }
  if (!hasWebgl2()) {
    fail("noWebgl");
    return;
  }

  label.textContent = window.hemisText("loading");
  window.Module = {
    canvas: document.getElementById("canvas"),
    // Emscripten reports "Downloading data... (done/total)" while fetching the data file.
    setStatus: function (status) {
      const m = /\((\d+(\.\d+)?)\/(\d+)\)/.exec(status || "");
      if (m) {
        const pct = Math.round(100 * Number(m[1]) / Math.max(1, Number(m[3])));
        bar.value = pct;
        label.textContent = window.hemisText("downloading", pct);
      } else if (status) {
        label.textContent = window.hemisText("starting");
      }
    },
    onAbort: function (what) { fail("failed", what); },
    printErr: function (line) { console.warn(line); }
  };
  window.addEventListener("error", function (e) {
    if (!window.hemis.ready) fail("failed", e.message);
  });
  const script = document.createElement("script");
  script.src = "hemis.js";
  script.onerror = function () { fail("failed", "hemis.js"); };
  document.body.appendChild(script);
})();

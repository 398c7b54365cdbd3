// window.hemisBridge: what the WebAssembly client asks of the page (see wasm/browser.hpp).
// Text typed through an input method, plain keys and the clipboard reach the client through a
// hidden <input> because the GLFW layer only sees keypress characters, never IME composition.
"use strict";
(function () {
  const text = document.getElementById("hemis-text");
  const picker = document.getElementById("hemis-file");
  const canvas = document.getElementById("canvas");
  let composing = false;
  let touchFocusAt = 0;
  const channels = {};

  // Copies a JS string into the module's heap; the C side frees it.
  function heapString(s) {
    const n = Module.lengthBytesUTF8(s) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(s, p, n);
    return p;
  }
  function sendText(s, pasted) {
    if (s) Module._hemis_on_text(heapString(s), pasted ? 1 : 0);
  }
  function sendBytes(name, bytes) {
    const p = Module._malloc(bytes.length + 1);
    Module.HEAPU8.set(bytes, p);
    Module._hemis_on_file(heapString(name), p, bytes.length);
  }
  // An Excel workbook reaches the client as the CSV text of its first sheet (xlsx.js).
  function sendWorkbook(file) {
    Module._hemis_on_workbook_reading(heapString(file.name));
    file.arrayBuffer().then(window.hemisXlsx.toCsv).then(function (sheet) {
      sendBytes(file.name, new TextEncoder().encode(sheet.csv));
    }).catch(function (e) {
      Module._hemis_on_workbook_failed(heapString(file.name), heapString(String(e && e.message || e)));
    });
  }
  function sendFile(file) {
    if (window.hemisXlsx.isXlsx(file.name)) return sendWorkbook(file);
    file.arrayBuffer().then(function (buf) { sendBytes(file.name, new Uint8Array(buf)); });
  }

  // Typing: committed composition text, or plain insertions outside a composition.
  text.addEventListener("compositionstart", function () { composing = true; });
  text.addEventListener("compositionend", function (e) {
    composing = false;
    sendText(e.data, false);
    text.value = "";
  });
  text.addEventListener("input", function (e) {
    if (composing || e.isComposing) return;
    if (e.inputType === "insertText") sendText(e.data, false);
    if (e.inputType !== "insertCompositionText") text.value = "";
  });
  // Paste lands wherever focus is; the client decides between a field and table rows.
  document.addEventListener("paste", function (e) {
    const s = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    e.preventDefault();
    sendText(s, true);
  });
  // Emscripten's GLFW takes a touch as the left button but never reads where the finger is
  // (only its SDL port does), so a tap would press wherever the mouse pointer last was: move the
  // pointer under the finger first (this window listener runs before the canvas's own).
  function pointerToFinger(e) {
    const t = e.changedTouches && e.changedTouches[0];
    if (e.target !== canvas || !t) return;
    canvas.dispatchEvent(new MouseEvent("mousemove", { clientX: t.clientX, clientY: t.clientY }));
  }
  window.addEventListener("touchstart", pointerToFinger, { capture: true, passive: true });
  window.addEventListener("touchmove", pointerToFinger, { capture: true, passive: true });
  // Phones show a keyboard only for focus given inside a touch: focus first, the client
  // blurs again on the next frame if no text field was touched. The touch is not let through
  // as mouse events too, which would press the widget a second time.
  canvas.addEventListener("touchend", function (e) {
    e.preventDefault();
    touchFocusAt = performance.now();
    text.focus({ preventScroll: true });
  }, { passive: false });
  canvas.addEventListener("contextmenu", function (e) {
    e.preventDefault();
  });
  document.addEventListener("dragover", function (e) { e.preventDefault(); });
  document.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) sendFile(e.dataTransfer.files[0]);
  });
  picker.addEventListener("change", function () {
    if (picker.files.length) sendFile(picker.files[0]);
    picker.value = "";
  });

  function channel(name) {
    if (!channels[name] && typeof BroadcastChannel === "function") {
      channels[name] = new BroadcastChannel("hemis-entry:" + name);
    }
    return channels[name];
  }

  window.hemisBridge = {
    setState: function (ready, lang) {
      document.documentElement.lang = lang;
      try { localStorage.setItem("hemis.lang", lang); } catch (e) { /* storage blocked */ }
      if (ready && !window.hemis.ready) {
        window.hemis.ready = true;
        document.getElementById("loading").classList.add("hidden");
        if (location.hash) window.hemis.navigate(location.hash);
      }
    },
    fatal: function (what) { window.hemisShell.fail(what === "webgl" ? "noWebgl" : "failed", what); },

    setTextInput: function (active, x, y, h) {
      const dpr = window.devicePixelRatio || 1;
      if (active) {
        text.style.left = (x / dpr) + "px";
        text.style.top = (y / dpr) + "px";
        text.style.height = Math.max(16, h / dpr) + "px";
        if (document.activeElement !== text) text.focus({ preventScroll: true });
      } else if (document.activeElement === text && performance.now() - touchFocusAt > 300) {
        text.blur();  // the client has had a few frames to take the touch as a text field
      }
    },
    copy: function (s) {
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(s).catch(function (e) { console.warn("clipboard:", e); });
      }
    },
    pickFile: function (accept) {
      picker.accept = accept;
      picker.click();
    },
    download: function (name, bytes, mime) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    },

    requestPersistence: function () {
      if (!navigator.storage || !navigator.storage.persist) { Module._hemis_on_persist(2); return; }
      navigator.storage.persisted()
        .then(function (already) { return already || navigator.storage.persist(); })
        .then(function (granted) { Module._hemis_on_persist(granted ? 0 : 1); })
        .catch(function () { Module._hemis_on_persist(2); });
    },
    // One tab owns a database at a time (Web Locks); others are told to stay read-only and get
    // the lock, with a reload of the saved data, when the owner closes.
    acquireTabLock: function (name) {
      const hold = function () { return new Promise(function () {}); };
      if (navigator.locks) {
        navigator.locks.request("hemis-entry:" + name, { ifAvailable: true }, function (lock) {
          if (lock) { Module._hemis_on_tab_lock(1); return hold(); }
          Module._hemis_on_tab_lock(0);
          navigator.locks.request("hemis-entry:" + name, function () {
            Module._hemis_on_tab_lock(1);
            return hold();
          });
        });
      }
      const ch = channel(name);
      if (!ch) return;
      ch.onmessage = function (e) {
        if (e.data === "hello") ch.postMessage("here");
        if (e.data === "here" && !navigator.locks) Module._hemis_on_tab_lock(0);
        if (e.data === "saved") Module._hemis_on_other_tab_saved();
      };
      ch.postMessage("hello");
    },
    announceSaved: function (name) {
      const ch = channel(name);
      if (ch) ch.postMessage("saved");
    },

    localGet: function (key) {
      try { return localStorage.getItem(key) || ""; } catch (e) { return ""; }
    },
    localSet: function (key, value) {
      try {
        if (value) localStorage.setItem(key, value); else localStorage.removeItem(key);
      } catch (e) { console.warn("localStorage:", e); }
    },
    // A request to this page's own origin; the answer (status 0 when none arrived) goes back to
    // the client as text. The token is only ever put in this request's Authorization header.
    http: function (id, method, path, bearer, body) {
      const headers = {};
      if (bearer) headers.Authorization = "Bearer " + bearer;
      if (body) headers["Content-Type"] = "application/json";
      fetch(location.origin + path, { method: method, headers: headers, body: body,
                                      cache: "no-store", credentials: "omit" })
        .then(function (r) {
          return r.text().then(function (t) { Module._hemis_on_http(id, r.status, heapString(t)); });
        })
        .catch(function (e) {
          Module._hemis_on_http(id, 0, heapString(String(e && e.message || e)));
        });
    }
  };
})();

// window.hemis: a small documented object for browser tests and support staff (web/README.md).
// It reads the client's state or does what a user could do on the screens; nothing more.
"use strict";
(function () {
  function heapString(s) {
    const n = Module.lengthBytesUTF8(s) + 1;
    const p = Module._malloc(n);
    Module.stringToUTF8(s, p, n);
    return p;
  }
  // Calls an exported hemis_api_* function; string arguments are freed by the C side.
  function call(name) {
    const args = Array.prototype.slice.call(arguments, 1).map(function (a) {
      return typeof a === "string" ? heapString(a) : a;
    });
    return Module.UTF8ToString(Module["_hemis_api_" + name].apply(null, args));
  }
  function json(name) { return JSON.parse(call.apply(null, arguments)); }
  // True while a write-back to IndexedDB is running or queued (see wasm/browser_emscripten.cpp).
  function isSaving() {
    const s = Module.hemisSave;
    return !!(s && (s.busy || s.again));
  }
  function needReady() {
    if (!window.hemis.ready) throw new Error("hemis: not ready yet (wait for hemis.ready)");
  }

  window.hemis = {
    ready: false,
    state: function () {
      needReady();
      const st = json("state");
      st.saving = isSaving();
      // Parsed here, not in C++, so its keys keep the server's order.
      st.lastReceipt = json("last_receipt");
      return st;
    },
    counts: function () { needReady(); return json("state").counts; },
    lastValidation: function () { needReady(); return json("state").validation; },
    validate: function () { needReady(); return json("validate"); },
    validateText: function () { needReady(); return call("validate"); },
    importCsv: function (entityOrFileName, text, options) {
      needReady();
      // Merge by default, as on the import screen; replacing must be asked for.
      const replace = !!(options && options.mode === "replace");
      return json("import_csv", entityOrFileName, text, replace ? 1 : 0);
    },
    confirmImport: function (options) {
      needReady();
      return json("confirm_import", options && options.mode === "replace" ? 1 : 0);
    },
    mapColumn: function (column, field) {
      needReady();
      return json("map_column", column, field || "");
    },
    exportPackage: function (options) {
      needReady();
      if (options && (options.institution || options.period)) {
        const s = json("state");
        if (!s.tabOwner) throw new Error("hemis: this tab is read-only");
        const saved = Module._hemis_api_set_profile(heapString(options.institution || ""),
                                                    heapString(options.name || ""),
                                                    heapString(options.period || ""));
        if (!saved) throw new Error("hemis: institution code or period not usable in a package");
      }
      const r = json("package");
      if (r.error) throw new Error(r.error);
      return r.text;
    },
    reportCsv: function () { needReady(); return call("report_csv"); },
    form: function () { needReady(); return json("form"); },
    record: function (entity, id) { needReady(); return json("record", entity, id); },
    itemRect: function (name) { needReady(); return json("item_rect", name); },
    navigate: function (route) { needReady(); Module._hemis_api_navigate(heapString(route)); }
  };
  // Closing the tab while a save runs would lose the last change: ask the browser to confirm.
  window.addEventListener("beforeunload", function (e) {
    if (isSaving()) { e.preventDefault(); e.returnValue = ""; }
  });
  window.addEventListener("hashchange", function () {
    if (window.hemis.ready) window.hemis.navigate(location.hash);
  });
})();

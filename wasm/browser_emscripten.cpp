// Browser implementation of browser.hpp. Small EM_JS calls into web/bridge.js (window.hemisBridge)
// for DOM work; IDBFS is driven here because FS and IDBFS live inside the module's scope.
// Events come back through the exported hemis_on_* functions below.
#include <cstdlib>

#include <emscripten/emscripten.h>

#include "browser.hpp"

namespace web {

BrowserEvents& browser_events() {
    static BrowserEvents events;
    return events;
}

}  // namespace web

// clang-format off
EM_JS(char*, js_query_param, (const char* name), {
    var v = new URLSearchParams(location.search).get(UTF8ToString(name)) || "";
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(double, js_dpr, (), { return window.devicePixelRatio || 1; });
EM_JS(void, js_canvas_css_size, (int* w, int* h), {
    var r = Module.canvas.getBoundingClientRect();
    HEAP32[w >> 2] = Math.max(1, Math.round(r.width));
    HEAP32[h >> 2] = Math.max(1, Math.round(r.height));
});
EM_JS(void, js_set_page_state, (int ready, const char* lang), {
    window.hemisBridge.setState(!!ready, UTF8ToString(lang));
});
EM_JS(void, js_mount_storage, (const char* dir), {
    var path = UTF8ToString(dir);
    try {
        if (typeof indexedDB === "undefined") throw new Error("no IndexedDB");
        FS.mkdir(path);
        FS.mount(IDBFS, {}, path);
    } catch (e) {
        console.error("storage: mount failed", e);
        Module._hemis_on_storage_loaded(0);
        return;
    }
    FS.syncfs(true, function(err) {
        if (err) console.error("storage: load failed", err);
        Module._hemis_on_storage_loaded(err ? 0 : 1);
    });
});
EM_JS(void, js_reload_storage, (), {
    FS.syncfs(true, function(err) { Module._hemis_on_storage_loaded(err ? 0 : 1); });
});
// Write-backs are serialised: a save asked for while one runs starts again when it ends.
EM_JS(void, js_save_storage, (), {
    var s = Module.hemisSave || (Module.hemisSave = { busy: false, again: false });
    function run() {
        s.busy = true;
        FS.syncfs(false, function(err) {
            s.busy = false;
            if (err) console.error("storage: save failed", err);
            Module._hemis_on_storage_saved(err ? 0 : 1);
            if (s.again) { s.again = false; run(); }
        });
    }
    if (s.busy) s.again = true; else run();
});
EM_JS(void, js_request_persistence, (), { window.hemisBridge.requestPersistence(); });
EM_JS(void, js_acquire_tab_lock, (const char* name), {
    window.hemisBridge.acquireTabLock(UTF8ToString(name));
});
EM_JS(void, js_announce_saved, (const char* name), {
    window.hemisBridge.announceSaved(UTF8ToString(name));
});
EM_JS(void, js_set_text_input, (int active, float x, float y, float h), {
    window.hemisBridge.setTextInput(!!active, x, y, h);
});
EM_JS(void, js_copy, (const char* text), {
    window.hemisBridge.copy(UTF8ToString(text));
});
EM_JS(void, js_pick_file, (const char* accept), {
    window.hemisBridge.pickFile(UTF8ToString(accept));
});
EM_JS(void, js_download, (const char* name, const char* bytes, int len, const char* mime), {
    window.hemisBridge.download(UTF8ToString(name), HEAPU8.slice(bytes, bytes + len),
                                UTF8ToString(mime));
});
EM_JS(char*, js_local_value, (const char* key), {
    var v = window.hemisBridge.localGet(UTF8ToString(key));
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
EM_JS(void, js_set_local_value, (const char* key, const char* value), {
    window.hemisBridge.localSet(UTF8ToString(key), UTF8ToString(value));
});
EM_JS(char*, js_page_origin, (), {
    var v = location.origin;
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});
// The body is handed over as bytes (a package can be megabytes), never decoded and re-encoded.
EM_JS(void, js_http_request, (int id, const char* method, const char* path, const char* bearer,
                              const char* body, int len), {
    window.hemisBridge.http(id, UTF8ToString(method), UTF8ToString(path), UTF8ToString(bearer),
                            len > 0 ? HEAPU8.slice(body, body + len) : null);
});
// clang-format on

namespace web {

std::string query_param(std::string_view name) {
    char* p = js_query_param(std::string(name).c_str());
    std::string value(p);
    free(p);
    return value;
}

double device_pixel_ratio() {
    return js_dpr();
}
void canvas_css_size(int& width, int& height) {
    js_canvas_css_size(&width, &height);
}
void set_page_state(bool ready, std::string_view lang) {
    js_set_page_state(ready, std::string(lang).c_str());
}
void mount_storage(std::string_view dir) {
    js_mount_storage(std::string(dir).c_str());
}
void save_storage() {
    js_save_storage();
}
void reload_storage() {
    js_reload_storage();
}
void request_persistence() {
    js_request_persistence();
}
void acquire_tab_lock(std::string_view name) {
    js_acquire_tab_lock(std::string(name).c_str());
}
void announce_saved(std::string_view name) {
    js_announce_saved(std::string(name).c_str());
}
void set_text_input(bool active, float x, float y, float h) {
    js_set_text_input(active, x, y, h);
}
void copy_to_clipboard(std::string_view text) {
    js_copy(std::string(text).c_str());
}
void pick_file(std::string_view accept) {
    js_pick_file(std::string(accept).c_str());
}
void download(std::string_view name, std::string_view bytes, std::string_view mime) {
    js_download(std::string(name).c_str(), bytes.data(), int(bytes.size()),
                std::string(mime).c_str());
}

std::string local_value(std::string_view key) {
    char* p = js_local_value(std::string(key).c_str());
    std::string value(p);
    free(p);
    return value;
}
void set_local_value(std::string_view key, std::string_view value) {
    js_set_local_value(std::string(key).c_str(), std::string(value).c_str());
}
std::string page_origin() {
    char* p = js_page_origin();
    std::string value(p);
    free(p);
    return value;
}
void http_request(int id, std::string_view method, std::string_view path, std::string_view bearer,
                  std::string_view body) {
    js_http_request(id, std::string(method).c_str(), std::string(path).c_str(),
                    std::string(bearer).c_str(), body.data(), int(body.size()));
}

}  // namespace web

// Called from JavaScript.
extern "C" {

EMSCRIPTEN_KEEPALIVE void hemis_on_storage_loaded(int ok) {
    if (auto& f = web::browser_events().storage_loaded) f(ok != 0);
}
EMSCRIPTEN_KEEPALIVE void hemis_on_storage_saved(int ok) {
    if (auto& f = web::browser_events().storage_saved) f(ok != 0);
}
EMSCRIPTEN_KEEPALIVE void hemis_on_persist(int state) {
    if (auto& f = web::browser_events().persist) f(web::PersistState(state));
}
EMSCRIPTEN_KEEPALIVE void hemis_on_tab_lock(int held) {
    if (auto& f = web::browser_events().tab_lock) f(held != 0);
}
EMSCRIPTEN_KEEPALIVE void hemis_on_other_tab_saved() {
    if (auto& f = web::browser_events().other_tab_saved) f();
}
// The page passes buffers it allocated with _malloc; they are freed here.
EMSCRIPTEN_KEEPALIVE void hemis_on_file(char* name, char* bytes, int len) {
    std::string n(name), b(bytes, std::size_t(len));
    free(name);
    free(bytes);
    if (auto& f = web::browser_events().file_opened) f(std::move(n), std::move(b));
}
EMSCRIPTEN_KEEPALIVE void hemis_on_workbook_reading(char* name) {
    std::string n(name);
    free(name);
    if (auto& f = web::browser_events().workbook_reading) f(std::move(n));
}
EMSCRIPTEN_KEEPALIVE void hemis_on_workbook_failed(char* name, char* detail) {
    std::string n(name), d(detail);
    free(name);
    free(detail);
    if (auto& f = web::browser_events().workbook_failed) f(std::move(n), std::move(d));
}
EMSCRIPTEN_KEEPALIVE void hemis_on_text(char* text, int pasted) {
    std::string t(text);
    free(text);
    auto& events = web::browser_events();
    if (auto& f = pasted ? events.text_pasted : events.text_typed) f(std::move(t));
}

// The answer's text, in a buffer the page allocated with _malloc.
EMSCRIPTEN_KEEPALIVE void hemis_on_http(int id, int status, char* body) {
    std::string b(body);
    free(body);
    if (auto& f = web::browser_events().http_done) f(id, status, std::move(b));
}

}  // extern "C"

// What the client needs from the page it runs in: storage (IndexedDB through IDBFS), the hidden
// text field that carries IME and clipboard text, downloads, file picking, tab coordination and
// HTTP requests to the page's own origin (uploads).
// browser_emscripten.cpp implements it over web/bridge.js; events come back through BrowserEvents.
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace web {

enum class PersistState { granted, denied, unsupported };

struct BrowserEvents {
    std::function<void(bool ok)> storage_loaded;  // after mount + read from IndexedDB
    std::function<void(bool ok)> storage_saved;   // after each write-back to IndexedDB
    std::function<void(PersistState)> persist;
    std::function<void(bool held)> tab_lock;  // false: another tab owns this database
    std::function<void()> other_tab_saved;    // another tab committed to the same database
    std::function<void(std::string name, std::string bytes)> file_opened;  // .xlsx: as CSV text
    std::function<void(std::string name)> workbook_reading;  // the page is converting an .xlsx
    std::function<void(std::string name, std::string detail)> workbook_failed;
    std::function<void(std::string text)> text_typed;   // committed IME or keyboard text
    std::function<void(std::string text)> text_pasted;  // from the system clipboard
    // The answer to http_request `id`: status 0 means no answer arrived (network down, server
    // stopped, request refused by the page's security policy) and `body` then says why.
    std::function<void(int id, int status, std::string body)> http_done;
};
BrowserEvents& browser_events();

// Page and canvas.
std::string query_param(std::string_view name);
double device_pixel_ratio();
void canvas_css_size(int& width, int& height);
void set_page_state(bool ready, std::string_view lang);

// Storage: `dir` is the mount point; each mount point is its own IndexedDB database.
void mount_storage(std::string_view dir);
void save_storage();
void reload_storage();  // reads the mounted folder again from IndexedDB
void request_persistence();
void acquire_tab_lock(std::string_view name);
void announce_saved(std::string_view name);

// Text: focus the hidden input (or blur it) and place it at the caret, in canvas pixels.
void set_text_input(bool active, float x, float y, float line_height);
void copy_to_clipboard(std::string_view text);

// Files.
void pick_file(std::string_view accept);
void download(std::string_view file_name, std::string_view bytes, std::string_view mime);

// Small values kept in this browser's localStorage (the upload token): "" when absent or when
// the browser blocks storage; setting "" removes the key.
std::string local_value(std::string_view key);
void set_local_value(std::string_view key, std::string_view value);

// HTTP to the page's own origin only (its Content-Security-Policy allows no other): `path`
// starts with "/". `bearer`, when not empty, goes in the Authorization header and nowhere else;
// a non-empty `body` is sent as application/json. The answer arrives as http_done(id, …).
std::string page_origin();
void http_request(int id, std::string_view method, std::string_view path, std::string_view bearer,
                  std::string_view body);

}  // namespace web

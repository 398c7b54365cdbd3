// Uploading the package to the HEMIS server this page came from: the access token kept in this
// browser, the request in flight, the server's receipt (or its error) and this browser's earlier
// receipts. The upload screen (ui_upload.cpp) and window.hemis read this state; nothing here draws.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hemis/entities.hpp"
#include "hemis/findings.hpp"

namespace web {

struct App;

// One finding of a receipt, as the server's verdict JSON states it.
// The server's receipt; `text` is the document exactly as it arrived.
struct Receipt {
    std::string text;
    std::string package_id, institution, status, received_at;
    std::string rulebook_version, package_rulebook_version;
    bool accepted = false;
    bool revalidated = false;  // checked against a newer rulebook than the package's
    std::size_t errors = 0, warnings = 0;
    std::size_t applied = 0, kept = 0;  // records written / left as stored (version not newer)
    std::array<std::size_t, hemis::kEntityCount> counts{};
    // The server's findings; its messages (Vietnamese) stand in both languages' slots.
    std::vector<hemis::Finding> findings;
};

// A refused or failed request: status 0 when no answer arrived. `message` is the server's own
// `{"error":{"code","message"}}` text, or the browser's reason when there was no answer.
struct UploadError {
    int status = 0;
    std::string code, message;
};

struct ReceiptItem {
    std::string package_id, status, received_at;
};

struct UploadState {
    bool loaded = false;  // the token has been read from localStorage
    std::string token;
    int next_id = 1;
    int sending = 0;   // id of the upload in flight, 0 when none
    int listing = 0;   // id of the receipt list request in flight
    int fetching = 0;  // id of a single receipt request in flight
    std::size_t sent_bytes = 0;
    double started_at = 0;  // seconds (steady clock) when the upload started
    std::optional<Receipt> receipt;
    std::optional<UploadError> error;
    std::optional<std::vector<ReceiptItem>> history;  // null until asked for
};

// Reads the saved token once and listens for HTTP answers; safe to call every frame.
void upload_init(App& app);
// Builds the package as the package screen does and POSTs it with the current token.
bool upload_start(App& app);
void upload_set_token(App& app, const std::string& token);  // saved in this browser
void upload_forget_token(App& app);
// This browser's institution's receipts (GET /api/v1/packages), and one receipt by package id.
void upload_list(App& app);
void upload_fetch(App& app, const std::string& package_id);
double upload_seconds(const UploadState& s);  // how long the upload in flight has run
// The sentence shown for an error: the catalogue's advice for its status, then the server's text.
std::string upload_error_text(const UploadError& e);

}  // namespace web

// Upload commands: the token in localStorage, the package POSTed to the page's own server, and
// the answers turned into a receipt or an error the screen can explain.
#include "app_upload.hpp"

#include <cctype>
#include <chrono>

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "i18n.hpp"
#include "log.hpp"

namespace web {
namespace {

using nlohmann::json;

double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// Demo mode keeps its own token, as it keeps its own database.
std::string token_key(const App& app) {
    return app.demo ? "hemis-demo.token" : "hemis.token";
}

std::string text_of(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::size_t count_of(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_unsigned() ? it->get<std::size_t>() : 0;
}

hemis::Finding finding_of(const json& f) {
    hemis::Finding r;
    r.rule = text_of(f, "rule");
    r.severity =
        text_of(f, "severity") == "error" ? hemis::Severity::error : hemis::Severity::warning;
    r.entity = hemis::entity_from_name(text_of(f, "entity"));
    r.file = text_of(f, "file");
    r.record = text_of(f, "record");
    r.row = std::uint32_t(count_of(f, "row"));
    r.column = std::uint32_t(count_of(f, "column"));
    r.field = text_of(f, "field");
    r.value = text_of(f, "value");
    r.message_vi = r.message_en = text_of(f, "message");
    return r;
}

std::optional<Receipt> parse_receipt(std::string text) {
    const json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("package_id")) return std::nullopt;
    Receipt r;
    r.package_id = text_of(j, "package_id");
    r.institution = text_of(j, "institution");
    r.status = text_of(j, "status");
    r.accepted = r.status == "accepted";
    r.received_at = text_of(j, "received_at");
    r.errors = count_of(j, "errors");
    if (const auto m = j.find("merged"); m != j.end() && m->is_object()) {
        r.applied = count_of(*m, "applied");
        r.kept = count_of(*m, "kept");
    }
    r.warnings = count_of(j, "warnings");
    r.revalidated = j.value("revalidated_with_newer_rulebook", false);
    if (j.contains("rulebook") && j["rulebook"].is_object())
        r.rulebook_version = text_of(j["rulebook"], "version");
    if (j.contains("package_rulebook") && j["package_rulebook"].is_object())
        r.package_rulebook_version = text_of(j["package_rulebook"], "version");
    if (j.contains("counts") && j["counts"].is_object())
        for (hemis::Entity e : hemis::kAllEntities)
            r.counts[std::size_t(e)] =
                count_of(j["counts"], std::string(hemis::entity_name(e)).c_str());
    const json* verdict = j.contains("findings") ? &j["findings"] : nullptr;
    if (verdict && verdict->is_object() && verdict->contains("findings"))
        for (const json& f : (*verdict)["findings"]) r.findings.push_back(finding_of(f));
    r.text = std::move(text);
    return r;
}

// The server answers errors as {"error":{"code","message"}}; a proxy may answer anything else.
UploadError parse_error(int status, const std::string& body) {
    UploadError e{status, "", ""};
    if (status == 0) {
        e.message = body;
        return e;
    }
    const json j = json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("error") && j["error"].is_object()) {
        e.code = text_of(j["error"], "code");
        e.message = text_of(j["error"], "message");
    }
    return e;
}

void on_upload_answer(App& app, int status, std::string body) {
    UploadState& s = app.upload;
    s.sending = 0;
    if (status == 200 || status == 201) {
        if (auto r = parse_receipt(std::move(body))) {
            log_info("upload: " + r->package_id + " " + r->status);
            s.receipt = std::move(r);
            s.error.reset();
            if (s.history) upload_list(app);
            return;
        }
        s.error = UploadError{status, "", tr("upload.bad_receipt")};
    } else {
        s.error = parse_error(status, body);
    }
    log_warn("upload: failed with status " + std::to_string(status) + " " + s.error->code);
}

void on_list_answer(App& app, int status, const std::string& body) {
    UploadState& s = app.upload;
    s.listing = 0;
    const json j = json::parse(body, nullptr, false);
    if (status != 200 || j.is_discarded() || !j.is_object() || !j.contains("packages")) {
        s.error = parse_error(status, body);
        return;
    }
    std::vector<ReceiptItem> items;
    for (const json& p : j["packages"])
        items.push_back(
            {text_of(p, "package_id"), text_of(p, "status"), text_of(p, "received_at")});
    s.history = std::move(items);
}

void on_fetch_answer(App& app, int status, std::string body) {
    UploadState& s = app.upload;
    s.fetching = 0;
    auto r = status == 200 ? parse_receipt(std::move(body)) : std::nullopt;
    if (!r) {
        s.error = parse_error(status, body);
        return;
    }
    s.receipt = std::move(r);
    s.error.reset();
}

// Package ids are letters, digits and dashes; anything else is escaped so the path stays one.
std::string path_segment(const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.')
            out += char(c);
        else
            out += {'%', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

}  // namespace

void upload_init(App& app) {
    UploadState& s = app.upload;
    if (s.loaded) return;
    s.loaded = true;
    s.token = local_value(token_key(app));
    browser_events().http_done = [&app](int id, int status, std::string body) {
        UploadState& st = app.upload;
        if (id == st.sending) on_upload_answer(app, status, std::move(body));
        if (id == st.listing) on_list_answer(app, status, body);
        if (id == st.fetching) on_fetch_answer(app, status, std::move(body));
    };
}

bool upload_start(App& app) {
    upload_init(app);
    UploadState& s = app.upload;
    if (s.sending) return false;
    if (s.token.empty()) {
        app.show(tr("upload.need_token"), true);
        return false;
    }
    std::string error;
    const std::string package = app.package_text(error);
    if (!error.empty()) {
        app.show(error, true);
        return false;
    }
    s.sending = s.next_id++;
    s.sent_bytes = package.size();
    s.started_at = now_seconds();
    s.error.reset();
    http_request(s.sending, "POST", "/api/v1/packages", s.token, package);
    return true;
}

double upload_seconds(const UploadState& s) {
    return s.sending ? now_seconds() - s.started_at : 0.0;
}

void upload_set_token(App& app, const std::string& token) {
    upload_init(app);
    app.upload.token = token;
    set_local_value(token_key(app), token);
}

void upload_forget_token(App& app) {
    upload_set_token(app, "");
    app.upload.history.reset();  // the list belongs to the token's institution
    app.show(tr("upload.token_forgotten"));
}

void upload_list(App& app) {
    upload_init(app);
    UploadState& s = app.upload;
    if (s.token.empty() || s.listing) return;
    s.listing = s.next_id++;
    http_request(s.listing, "GET", "/api/v1/packages", s.token, "");
}

void upload_fetch(App& app, const std::string& package_id) {
    upload_init(app);
    UploadState& s = app.upload;
    if (s.token.empty() || s.fetching) return;
    s.fetching = s.next_id++;
    http_request(s.fetching, "GET", "/api/v1/packages/" + path_segment(package_id), s.token, "");
}

std::string upload_error_text(const UploadError& e) {
    std::string text;
    switch (e.status) {
        case 0: text = tr("upload.error.network"); break;
        case 401: text = tr("upload.error.401"); break;
        case 403: text = tr("upload.error.403"); break;
        case 409: text = tr("upload.error.409"); break;
        case 413: text = tr("upload.error.413"); break;
        case 429: text = tr("upload.error.429"); break;
        default: text = trf("upload.error.other", {std::to_string(e.status)}); break;
    }
    if (!e.message.empty())
        text += " " + trf(e.status ? "upload.server_says" : "upload.browser_says", {e.message});
    return text;
}

}  // namespace web

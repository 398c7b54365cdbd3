// API v1 routes. Every /api/v1 route but the rulebook and the OpenAPI document needs a Bearer
// token; the token's account decides whose data is visible (an operator sees every institution).
#include <algorithm>
#include <cctype>
#include <regex>

#include <nlohmann/json.hpp>

#include "api.hpp"
#include "hemis/sha256.hpp"
#include "request_state.hpp"
#include "upload.hpp"

namespace hemis::server {

namespace {

using httplib::Request;
using httplib::Response;
using ojson = nlohmann::ordered_json;

void send(Response& res, const Reply& r) {
    res.status = r.status;
    res.set_content(r.body, "application/json");
    request_state().outcome = r.outcome;
}

void send_json(Response& res, const ojson& body) {
    res.set_content(body.dump() + "\n", "application/json");
}

// Checks the token and the rate limit; on failure the error is already in `res`.
std::optional<Account> authenticate(Context& ctx, const Request& req, Response& res) {
    const std::string header = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    // The scheme name is case-insensitive (RFC 7235): "bearer" is the same scheme.
    const bool bearer = header.size() > prefix.size() &&
                        std::equal(prefix.begin(), prefix.end(), header.begin(),
                                   [](char a, char b) { return std::tolower(a) == std::tolower(b); });
    if (!bearer) {
        send(res, error_reply(Err::missing_token));
        return std::nullopt;
    }
    const std::string hash = sha256_hex(header.substr(prefix.size()));
    auto account = ctx.store.find_account(hash);
    if (!account) {
        send(res, error_reply(Err::invalid_token));
        return std::nullopt;
    }
    request_state().institution = account->institution;
    if (const int wait = ctx.store.take_request(hash, ctx.rate_limit)) {
        res.set_header("Retry-After", std::to_string(wait));
        send(res, error_reply(Err::rate_limited, std::to_string(wait)));
        return std::nullopt;
    }
    return account;
}

bool is_json_content(const Request& req) {
    std::string type = req.get_header_value("Content-Type");
    type = type.substr(0, type.find(';'));
    type.erase(std::remove(type.begin(), type.end(), ' '), type.end());
    std::transform(type.begin(), type.end(), type.begin(), ::tolower);
    return type == "application/json";
}

// The institution whose data a request may see: its own, or for an operator the `institution`
// parameter ("" = all institutions).
std::string scope_of(const Account& a, const Request& req) {
    if (a.role == "institution") return a.institution;
    return req.get_param_value("institution");
}

std::size_t declared_length(const Request& req) {
    const std::string v = req.get_header_value("Content-Length");
    if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos) return 0;
    return v.size() > 18 ? SIZE_MAX : std::stoull(v);
}

// Reads the body only after the token and content type are accepted, so a refused upload costs
// little; the size limit is checked against Content-Length first and again while reading.
void post_package(Context& ctx, const Request& req, Response& res,
                  const httplib::ContentReader& reader) {
    res.set_header("Connection", "close");  // the body may be left unread on refusal
    const auto account = authenticate(ctx, req, res);
    if (!account) return;
    if (!is_json_content(req)) return send(res, error_reply(Err::wrong_content_type));
    const auto too_large = [&] {
        send(res, error_reply(Err::payload_too_large, std::to_string(ctx.max_body)));
    };
    if (declared_length(req) > ctx.max_body) return too_large();
    std::string body;
    // Room for the declared body up front: growing by doubling copied it several times over and
    // held two copies at once while it did.
    body.reserve(std::min(declared_length(req), ctx.max_body));
    bool overflow = false;
    const bool complete = reader([&](const char* data, std::size_t n) {
        overflow = body.size() + n > ctx.max_body;
        if (!overflow) body.append(data, n);
        return !overflow;
    });
    if (overflow || res.status == 413) return too_large();
    if (!complete) return send(res, error_reply(Err::request_timeout));
    const Reply r = handle_upload(ctx.store, ctx.rulebook, *account, body);
    ctx.metrics.count_upload(r.outcome);
    send(res, r);
}

void get_package(Context& ctx, const Request& req, Response& res) {
    const auto account = authenticate(ctx, req, res);
    if (!account) return;
    const std::string scope = scope_of(*account, req);
    if (scope.empty()) return send(res, error_reply(Err::needs_institution));
    const auto found = ctx.store.receipt(scope, req.matches[1]);
    if (!found) return send(res, error_reply(Err::not_found));
    res.set_content(found->receipt, "application/json");
}

bool valid_since(const std::string& s) {
    static const std::regex iso(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z?)?)");
    return s.empty() || std::regex_match(s, iso);
}

void list_packages(Context& ctx, const Request& req, Response& res) {
    const auto account = authenticate(ctx, req, res);
    if (!account) return;
    const std::string since = req.get_param_value("since");
    if (!valid_since(since)) return send(res, error_reply(Err::invalid_since));
    ojson list = ojson::array();
    for (const StoredReceipt& r : ctx.store.receipts(scope_of(*account, req), since))
        list.push_back({{"package_id", r.package_id},
                        {"institution", r.institution},
                        {"status", r.status},
                        {"received_at", r.received_at},
                        {"content_sha256", r.content_sha256}});
    send_json(res, {{"packages", list}});
}

void get_summary(Context& ctx, const Request& req, Response& res) {
    const auto account = authenticate(ctx, req, res);
    if (!account) return;
    const std::string scope = scope_of(*account, req);
    const LearnerSummary s = ctx.store.summary(scope);
    ojson body = {{"institution", scope.empty() ? ojson(nullptr) : ojson(scope)},
                  {"learners", s.learners}};
    for (const char* dim : {"programme", "status", "gender", "province"}) {
        ojson counts = ojson::object();
        if (auto it = s.by.find(dim); it != s.by.end())
            for (const auto& [value, n] : it->second) counts[value] = n;
        body[std::string("by_") + dim] = counts;
    }
    send_json(res, body);
}

}  // namespace

void install_routes(httplib::Server& svr, Context& ctx) {
    svr.Get("/healthz", [&ctx](const Request&, Response& res) {
        const bool ok = ctx.store.healthy();
        res.status = ok ? 200 : 503;
        send_json(res, {{"status", ok ? "ok" : "unavailable"}});
    });
    svr.Get("/metrics", [&ctx](const Request&, Response& res) {
        res.set_content(ctx.metrics.text(), "text/plain; version=0.0.4");
    });
    svr.Get("/api/v1/openapi", [](const Request&, Response& res) {
        res.set_content(kOpenApiJson, "application/json");
    });
    svr.Get("/api/v1/rulebook", [&ctx](const Request&, Response& res) {
        send_json(res, {{"version", ctx.rulebook.version()}, {"hash", ctx.rulebook.hash()}});
    });
    svr.Post("/api/v1/packages",
             [&ctx](const Request& q, Response& s, const httplib::ContentReader& r) {
                 post_package(ctx, q, s, r);
             });
    svr.Get("/api/v1/packages",
            [&ctx](const Request& q, Response& s) { list_packages(ctx, q, s); });
    svr.Get(R"(/api/v1/packages/([^/]+))",
            [&ctx](const Request& q, Response& s) { get_package(ctx, q, s); });
    svr.Get("/api/v1/summary", [&ctx](const Request& q, Response& s) { get_summary(ctx, q, s); });
}

}  // namespace hemis::server

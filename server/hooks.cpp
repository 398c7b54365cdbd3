// Per-request bookkeeping around the routes. httplib runs the pre-routing handler, the route and
// the logger on the same thread, so the request's id, institution and outcome live in a
// thread_local between them.
#include <atomic>
#include <cstdio>
#include <exception>

#include "api.hpp"
#include "request_state.hpp"
#include "upload.hpp"

namespace hemis::server {

namespace {

thread_local RequestState t_state;

std::string next_request_id() {
    static std::atomic<unsigned long long> counter{0};
    static const unsigned long long boot =
        std::chrono::system_clock::now().time_since_epoch() / std::chrono::milliseconds(1);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%llx-%06llu", boot & 0xffffffffULL, ++counter);
    return buf;
}

// Statuses httplib sets by itself (body too large, unreadable request, no route).
Err error_for_status(int status) {
    switch (status) {
        case 404: return Err::not_found;
        case 408: return Err::request_timeout;
        case 413: return Err::payload_too_large;
        case 500: return Err::internal;
        default: return Err::bad_request;
    }
}

}  // namespace

RequestState& request_state() {
    return t_state;
}

void install_hooks(httplib::Server& svr, Context& ctx) {
    svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
        t_state = {next_request_id(), "", "", std::chrono::steady_clock::now()};
        res.set_header("X-Request-Id", t_state.id);
        return httplib::Server::HandlerResponse::Unhandled;
    });
    svr.set_error_handler([&ctx](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return;
        const Reply r = error_reply(error_for_status(res.status), std::to_string(ctx.max_body));
        res.set_content(r.body, "application/json");
        if (t_state.outcome.empty()) t_state.outcome = r.outcome;
    });
    svr.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            log_json("error", {{"request_id", t_state.id}, {"error", what}});
            const Reply r = error_reply(Err::internal);
            res.status = r.status;
            res.set_content(r.body, "application/json");
            t_state.outcome = r.outcome;
        });
    svr.set_logger([&ctx](const httplib::Request& req, const httplib::Response& res) {
        // A request refused while its first line or headers were read never reached the
        // pre-routing handler: it gets its own id and no duration, never the last request's.
        const bool routed = !t_state.id.empty();
        if (!routed) t_state.id = next_request_id();
        const double seconds =
            routed ? std::chrono::duration<double>(std::chrono::steady_clock::now() - t_state.start)
                         .count()
                   : 0.0;
        ctx.metrics.count_request(req.method, res.status, seconds);
        const std::string outcome =
            t_state.outcome.empty() ? (res.status < 400 ? "ok" : "error") : t_state.outcome;
        log_json(res.status >= 500 ? "error" : "info",
                 {{"request_id", t_state.id},
                  {"method", req.method},
                  {"path", req.path},
                  {"status", res.status},
                  {"institution", t_state.institution},
                  {"outcome", outcome},
                  {"duration_ms", int(seconds * 1000 + 0.5)}});
        t_state = {};  // the next request on this thread starts blank
    });
}

}  // namespace hemis::server

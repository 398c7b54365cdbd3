// Logging, metrics and rate limiting.
#include "observe.hpp"

#include <cmath>
#include <iostream>
#include <set>
#include <sstream>

#include "upload.hpp"

namespace hemis::server {

void log_json(const char* level, const nlohmann::ordered_json& fields) {
    nlohmann::ordered_json line = {{"time", utc_now()}, {"level", level}};
    for (const auto& [k, v] : fields.items()) line[k] = v;
    static std::mutex mu;
    std::lock_guard lock(mu);
    // replace: a malformed path in a log line must not throw
    std::cerr << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
}

void Metrics::count_request(const std::string& method, int status, double seconds) {
    // Any other method name is one series: a client must not be able to add series at will.
    static const std::set<std::string, std::less<>> known = {"GET", "HEAD", "POST", "PUT",
                                                             "DELETE", "OPTIONS", "PATCH"};
    const std::string label = known.count(method) ? method : "other";
    std::lock_guard lock(mu_);
    ++requests_[{label, status}];
    seconds_sum_ += seconds;
    ++seconds_count_;
}

void Metrics::count_upload(const std::string& outcome) {
    std::lock_guard lock(mu_);
    ++uploads_[outcome];
}

std::string Metrics::text() const {
    std::lock_guard lock(mu_);
    std::ostringstream out;
    out << "# HELP hemis_http_requests_total HTTP requests answered.\n"
        << "# TYPE hemis_http_requests_total counter\n";
    for (const auto& [key, n] : requests_)
        out << "hemis_http_requests_total{method=\"" << key.first << "\",status=\"" << key.second
            << "\"} " << n << "\n";
    out << "# HELP hemis_uploads_total Package uploads by outcome.\n"
        << "# TYPE hemis_uploads_total counter\n";
    for (const auto& [outcome, n] : uploads_)
        out << "hemis_uploads_total{outcome=\"" << outcome << "\"} " << n << "\n";
    out << "# HELP hemis_http_request_duration_seconds Time spent answering requests.\n"
        << "# TYPE hemis_http_request_duration_seconds summary\n"
        << "hemis_http_request_duration_seconds_sum " << seconds_sum_ << "\n"
        << "hemis_http_request_duration_seconds_count " << seconds_count_ << "\n";
    return out.str();
}

int RateLimiter::take(const std::string& key, int per_minute) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mu_);
    auto [it, fresh] = buckets_.try_emplace(key, Bucket{double(per_minute), now});
    Bucket& b = it->second;
    const double elapsed = std::chrono::duration<double>(now - b.at).count();
    b.tokens = std::min(double(per_minute), b.tokens + elapsed * per_minute / 60.0);
    b.at = now;
    if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
    }
    return int(std::ceil((1 - b.tokens) * 60.0 / per_minute));
}

}  // namespace hemis::server

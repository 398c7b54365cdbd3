// Observability: one JSON object per log line on stderr, Prometheus counters for /metrics, and a
// per-token rate limiter. Logs carry codes, ids and timings only, never record contents.
#pragma once
#include <chrono>
#include <map>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace hemis::server {

// Writes {"time":…,"level":…, ...fields} as one line; safe from any thread.
void log_json(const char* level, const nlohmann::ordered_json& fields);

class Metrics {
public:
    void count_request(const std::string& method, int status, double seconds);
    void count_upload(const std::string& outcome);
    std::string text() const;  // Prometheus text exposition format

private:
    mutable std::mutex mu_;
    std::map<std::pair<std::string, int>, long long> requests_;
    std::map<std::string, long long> uploads_;
    double seconds_sum_ = 0;
    long long seconds_count_ = 0;
};

// In-memory token bucket per token: `per_minute` requests a minute, bursts up to the same number.
// For one process only; the PostgreSQL store keeps its buckets in the database instead.
class RateLimiter {
public:
    // 0 when the request may go ahead, else the seconds to wait.
    int take(const std::string& key, int per_minute);

private:
    struct Bucket {
        double tokens;
        std::chrono::steady_clock::time_point at;
    };
    std::mutex mu_;
    std::map<std::string, Bucket> buckets_;
};

}  // namespace hemis::server

// What the hooks and the routes share about the request being answered on this thread.
#pragma once
#include <chrono>
#include <string>

namespace hemis::server {

struct RequestState {
    std::string id;
    std::string institution;  // of the token, once authenticated
    std::string outcome;      // accepted, rejected, duplicate, or an error code
    std::chrono::steady_clock::time_point start;
};

RequestState& request_state();

}  // namespace hemis::server

// The HTTP surface: API v1 routes, /healthz, /metrics, static files, and the hooks that give every
// response a request id, a JSON error body, a log line and a metrics count.
#pragma once
#include <httplib.h>

#include <string>

#include "hemis/rulebook.hpp"
#include "observe.hpp"
#include "store.hpp"

namespace hemis::server {

struct Context {
    Store& store;
    Rulebook rulebook;
    std::size_t max_body;
    Metrics metrics;
    int rate_limit;  // requests a minute per token
};

void install_hooks(httplib::Server& svr, Context& ctx);
void install_routes(httplib::Server& svr, Context& ctx);

// The OpenAPI document (server/openapi.json), compiled in by CMake.
extern const char* const kOpenApiJson;

}  // namespace hemis::server

// Handling one uploaded package: read and check it with the core, re-validate it with the current
// rulebook, build the receipt and store it (with the records, when accepted) in one transaction.
#pragma once
#include <string>
#include <string_view>

#include "hemis/rulebook.hpp"
#include "messages.hpp"
#include "store.hpp"

namespace hemis::server {

struct Reply {
    int status = 200;
    std::string body;  // JSON, ends with a newline
    std::string
        outcome;  // for logs and metrics: accepted, rejected, duplicate, conflict, error code
};

Reply handle_upload(Store& store, const Rulebook& rulebook, const Account& account,
                    std::string_view body);

// Builds {"error":{"code":…,"message":"<Vietnamese> / <English>"}} with its HTTP status.
Reply error_reply(Err e, const std::string& detail = "");

// Now in UTC with milliseconds, e.g. 2026-09-15T01:00:00.123Z: sorts as text.
std::string utc_now();

}  // namespace hemis::server

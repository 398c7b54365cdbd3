// The server's error catalogue: each error has an HTTP status, a stable code for programs, and a
// message in Vietnamese then English that says what happened and what to do.
#pragma once
#include <string>

namespace hemis::server {

enum class Err {
    bad_request,
    invalid_utf8,
    invalid_json,
    too_deep,
    invalid_package,
    invalid_since,
    missing_token,
    invalid_token,
    other_institution,
    operator_upload,
    needs_institution,
    not_found,
    conflict,
    payload_too_large,
    wrong_content_type,
    rate_limited,
    request_timeout,
    internal,
};

struct ErrorInfo {
    int status;
    const char* code;
    const char* vi;
    const char* en;
};

const ErrorInfo& error_info(Err e);

}  // namespace hemis::server

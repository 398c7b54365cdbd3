// Error texts. {detail} is replaced by the precise reason when there is one (e.g. the core's
// PackageError message); it is never personal data.
#include "messages.hpp"

#include <array>

namespace hemis::server {

namespace {

constexpr std::array<ErrorInfo, 18> kErrors{{
    {400, "bad_request", "Yêu cầu không hợp lệ.", "The request is malformed."},
    {400, "invalid_utf8", "Nội dung không phải UTF-8 hợp lệ; hãy lưu gói bằng UTF-8.",
     "The body is not valid UTF-8; save the package as UTF-8."},
    {400, "invalid_json", "Nội dung không phải JSON hợp lệ; hãy tạo lại gói bằng hemis pack.",
     "The body is not valid JSON; make the package again with hemis pack."},
    {400, "too_deep", "JSON lồng quá sâu; gói HEMIS không lồng quá 16 mức.",
     "The JSON is nested too deeply; a HEMIS package nests at most 16 levels."},
    {400, "invalid_package", "Gói không đọc được: {detail}",
     "The package cannot be read: {detail}"},
    {400, "invalid_since", "Tham số since phải là thời điểm ISO, ví dụ 2026-09-15T00:00:00Z.",
     "The since parameter must be an ISO time, e.g. 2026-09-15T00:00:00Z."},
    {401, "missing_token", "Thiếu mã truy cập; gửi tiêu đề Authorization: Bearer <mã>.",
     "The access token is missing; send Authorization: Bearer <token>."},
    {401, "invalid_token", "Mã truy cập không đúng; hãy xin mã mới từ quản trị viên.",
     "The access token is not valid; ask the administrator for a new one."},
    {403, "other_institution", "Mã truy cập này không được dùng cho dữ liệu của trường {detail}.",
     "This token may not be used for institution {detail}'s data."},
    {403, "operator_upload", "Tài khoản vận hành không tải gói lên; hãy dùng mã của trường.",
     "Operator accounts do not upload packages; use the institution's token."},
    {400, "needs_institution", "Tài khoản vận hành cần tham số institution.",
     "Operator accounts must give the institution parameter."},
    {404, "not_found", "Không tìm thấy.", "Not found."},
    {409, "conflict",
     "Gói {detail} đã được nhận với nội dung khác; hãy đặt mã gói mới cho dữ liệu mới.",
     "Package {detail} was already received with other content; give new data a new package id."},
    {413, "payload_too_large", "Gói quá lớn (tối đa {detail} byte); hãy chia thành nhiều gói.",
     "The package is too large (at most {detail} bytes); split it into several packages."},
    {415, "wrong_content_type", "Gói phải gửi với Content-Type: application/json.",
     "Send the package with Content-Type: application/json."},
    {429, "rate_limited", "Quá nhiều yêu cầu; hãy thử lại sau {detail} giây.",
     "Too many requests; try again in {detail} seconds."},
    {408, "request_timeout", "Yêu cầu gửi quá chậm; hãy thử lại.",
     "The request arrived too slowly; try again."},
    {500, "internal", "Lỗi máy chủ; dữ liệu chưa được lưu, hãy thử lại.",
     "Server error; nothing was stored, try again."},
}};

}  // namespace

const ErrorInfo& error_info(Err e) {
    return kErrors[static_cast<std::size_t>(e)];
}

}  // namespace hemis::server

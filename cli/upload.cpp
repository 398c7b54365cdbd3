// The upload client. The receipt (JSON) goes to stdout as the server sent it; a one-line verdict
// or the server's error message goes to stderr. Messages live here rather than in messages.cpp
// because only this command speaks to the server.
#include "upload.hpp"

#include <httplib.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include "inputs_fs.hpp"

namespace hemis::cli {

namespace {

const char* pick(Lang lang, const char* vi, const char* en) {
    return lang == Lang::vi ? vi : en;
}

int report_receipt(Lang lang, const std::string& body) {
    std::cout << body;
    const auto r = nlohmann::json::parse(body, nullptr, false);
    if (r.is_discarded() || !r.contains("status")) {
        std::cerr << pick(lang, "hemis: máy chủ trả lời không đúng dạng biên nhận.",
                          "hemis: the server's answer is not a receipt.")
                  << "\n";
        return 2;
    }
    const bool accepted = r["status"] == "accepted";
    std::cerr << (accepted ? pick(lang, "Gói đã được nhận", "Package accepted")
                           : pick(lang, "Gói bị từ chối", "Package rejected"))
              << " (" << r.value("errors", 0) << pick(lang, " lỗi, ", " errors, ")
              << r.value("warnings", 0) << pick(lang, " cảnh báo).", " warnings).") << "\n";
    return accepted ? 0 : 1;
}

int report_error(Lang lang, int status, const std::string& body) {
    const auto r = nlohmann::json::parse(body, nullptr, false);
    std::string message = "HTTP " + std::to_string(status);
    if (!r.is_discarded() && r.contains("error")) message += ": " + r["error"].value("message", "");
    std::cerr << pick(lang, "hemis: máy chủ không nhận gói: ", "hemis: the server refused: ")
              << message << "\n";
    return 2;
}

}  // namespace

int run_upload(const CommonOptions& common, const UploadOptions& opt) {
    const std::string body = read_file(opt.package);
    httplib::Client client(opt.server);
    if (!client.is_valid()) {
        std::cerr << pick(common.lang,
                          "hemis: địa chỉ máy chủ không hợp lệ: ", "hemis: not a server address: ")
                  << opt.server << "\n";
        return 2;
    }
    client.set_connection_timeout(10);
    client.set_read_timeout(opt.timeout);
    client.set_write_timeout(opt.timeout);
    const httplib::Headers headers = {{"Authorization", "Bearer " + opt.token}};
    const auto res = client.Post("/api/v1/packages", headers, body, "application/json");
    if (!res) {
        std::cerr << pick(common.lang,
                          "hemis: không gửi được tới máy chủ: ", "hemis: cannot reach the server: ")
                  << httplib::to_string(res.error()) << "\n";
        return 2;
    }
    if (res->status == 200 || res->status == 201) return report_receipt(common.lang, res->body);
    return report_error(common.lang, res->status, res->body);
}

}  // namespace hemis::cli

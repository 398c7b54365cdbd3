// The upload client. The receipt (JSON) goes to stdout as the server sent it; a one-line verdict
// or the server's error message goes to stderr. Messages live here rather than in messages.cpp
// because only this command speaks to the server.
#include "upload.hpp"

#include <httplib.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <utility>

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
              << " (" << r.value("errors", 0) << pick(lang, " lỗi, ", " error(s), ")
              << r.value("warnings", 0) << pick(lang, " cảnh báo).", " warning(s)).") << "\n";
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

// What went wrong on the way, in words a user can act on; the library's name for it follows.
const char* network_problem(Lang lang, httplib::Error e) {
    switch (e) {
        case httplib::Error::Connection:
        case httplib::Error::BindIPAddress:
            return pick(lang, "không kết nối được (máy chủ có đang chạy, địa chỉ có đúng không?)",
                        "cannot connect (is the server running, is the address right?)");
        case httplib::Error::ConnectionTimeout:
            return pick(lang, "máy chủ không trả lời kịp", "the server did not answer in time");
        case httplib::Error::Read:
        case httplib::Error::Write:
            return pick(lang, "kết nối bị ngắt giữa chừng", "the connection broke off");
        case httplib::Error::SSLConnection:
        case httplib::Error::SSLLoadingCerts:
        case httplib::Error::SSLServerVerification:
            return pick(lang, "lỗi kết nối bảo mật (HTTPS)", "secure connection (HTTPS) failed");
        default: return pick(lang, "lỗi mạng", "network error");
    }
}

// Splits "http://host:port/prefix/" into the part the client connects to and the path prefix the
// API lives under; a pasted ".../api" or ".../api/v1" is taken as the server's own address.
std::pair<std::string, std::string> split_server(std::string server) {
    std::string prefix;
    const auto scheme = server.find("://");
    const auto slash = server.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash != std::string::npos) {
        prefix = server.substr(slash);
        server.resize(slash);
    }
    while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    for (const char* tail : {"/api/v1", "/api"})
        if (prefix.size() >= std::strlen(tail) &&
            prefix.compare(prefix.size() - std::strlen(tail), std::string::npos, tail) == 0) {
            prefix.resize(prefix.size() - std::strlen(tail));
            break;
        }
    return {server, prefix};
}

}  // namespace

int run_upload(const CommonOptions& common, const UploadOptions& opt) {
    if (std::filesystem::is_directory(opt.package)) {
        std::cerr << "hemis: " << opt.package
                  << pick(common.lang, " là thư mục; hãy tạo gói bằng 'hemis pack' rồi gửi tệp gói.",
                          " is a folder; make a package with 'hemis pack' and send that.")
                  << "\n";
        return 2;
    }
    const std::string body = read_file(opt.package);
    // A package the server would refuse as unreadable is refused here, with the reason.
    try {
        read_package(body);
    } catch (const PackageError& e) {
        throw InputError(Msg::invalid_package, {opt.package, e.what()});
    }
    const auto [address, prefix] = split_server(opt.server);
    httplib::Client client(address);
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
    const auto res = client.Post(prefix + "/api/v1/packages", headers, body, "application/json");
    if (!res) {
        std::cerr << pick(common.lang, "hemis: không gửi được tới máy chủ ",
                          "hemis: cannot send to the server ")
                  << address << ": " << network_problem(common.lang, res.error()) << " ("
                  << httplib::to_string(res.error()) << ").\n";
        return 2;
    }
    if (res->status == 200 || res->status == 201) return report_receipt(common.lang, res->body);
    return report_error(common.lang, res->status, res->body);
}

}  // namespace hemis::cli

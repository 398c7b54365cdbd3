// Message catalogues of the CLI.
#include "messages.hpp"

#include <array>
#include <string_view>

namespace hemis::cli {

namespace {

struct Entry {
    const char* vi;
    const char* en;
};

// Indexed by Msg; keep the order of the enum.
constexpr std::array<Entry, 16> kMessages = {{
    {"Không đọc được tệp {0}.", "Cannot read file {0}."},
    {"Không ghi được tệp {0}; hãy kiểm tra thư mục và quyền ghi.",
     "Cannot write file {0}; check the folder and its permissions."},
    {"Không tìm thấy {0}.", "{0} was not found."},
    {"Không biết tệp {0} chứa dữ liệu gì: hãy đặt tên learners.csv, staff.csv, programmes.csv "
     "hoặc learner_status.csv.",
     "Cannot tell what {0} holds: name it learners.csv, staff.csv, programmes.csv or "
     "learner_status.csv."},
    {"Không có tệp dữ liệu nào để kiểm tra trong {0}.", "There are no data files to check in {0}."},
    {"Hãy kiểm tra từng gói một, không kèm tệp khác.", "Check one package at a time, alone."},
    {"Gói {0} không hợp lệ: {1}", "Package {0} is not valid: {1}"},
    {"Lệnh pack cần một thư mục chứa các tệp CSV, không phải một gói.",
     "pack takes a folder of CSV files, not a package."},
    {"Cảnh báo: mã trường {0} không có trong danh mục mã trường.",
     "Warning: institution code {0} is not in the institution list."},
    {"Chưa tạo gói vì dữ liệu còn {0} lỗi; hãy sửa các lỗi trên (hoặc dùng --force).",
     "No package written: the data has {0} errors; fix them above (or use --force)."},
    {"Đã tạo gói {0} ({1} lỗi, {2} cảnh báo).", "Package written: {0} ({1} errors, {2} warnings)."},
    {"Gói này được kiểm tra với một bộ quy tắc khác; chạy 'hemis validate' để kiểm tra lại.",
     "This package was checked with another rulebook; run 'hemis validate' to check it again."},
    {"--faults phải nằm trong khoảng 0 đến 1.", "--faults must be between 0 and 1."},
    {"Đã tạo {0} người học trong {1} ({2} lỗi cài sẵn).",
     "Generated {0} learners in {1} ({2} injected faults)."},
    {"Không có đối tượng {0}; hãy dùng learners, staff, programmes hoặc status.",
     "There is no entity {0}; use learners, staff, programmes or status."},
    {"Bộ quy tắc không dùng được: {0}", "The rulebook cannot be used: {0}"},
}};

}  // namespace

std::string message(Lang lang, Msg id, const std::vector<std::string>& args) {
    const Entry& e = kMessages[static_cast<std::size_t>(id)];
    const std::string_view text = lang == Lang::vi ? e.vi : e.en;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool slot = text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' &&
                          std::size_t(text[i + 1] - '0') < args.size();
        if (slot) {
            out += args[std::size_t(text[i + 1] - '0')];
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace hemis::cli

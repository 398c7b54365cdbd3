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
constexpr std::array<Entry, 26> kMessages = {{
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
     "No package written: the data has errors ({0}); fix them above (or use --force)."},
    {"Đã tạo gói {0} ({1} lỗi, {2} cảnh báo).", "Package written: {0} (errors {1}, warnings {2})."},
    {"Gói này được kiểm tra với một bộ quy tắc khác; chạy 'hemis validate' để kiểm tra lại.",
     "This package was checked with another rulebook; run 'hemis validate' to check it again."},
    {"--faults phải nằm trong khoảng 0 đến 1.", "--faults must be between 0 and 1."},
    {"Đã tạo {0} người học trong {1} ({2} lỗi cài sẵn).",
     "Generated {0} learners in {1} (injected faults: {2})."},
    {"Không có đối tượng {0}; hãy dùng learners, staff, programmes hoặc status.",
     "There is no entity {0}; use learners, staff, programmes or status."},
    {"Bộ quy tắc không dùng được: {0}", "The rulebook cannot be used: {0}"},
    {"{0} và {1} cùng chứa dữ liệu {2}; hãy kiểm tra từng tệp một hoặc gộp chúng lại.",
     "{0} and {1} both hold {2} data; check them one at a time or merge them."},
    {"Tệp gói {0} trùng với một tệp dữ liệu đầu vào; hãy chọn tên khác.",
     "Package file {0} is one of the input files; choose another name."},
    {"Không thể đóng gói kể cả với --force: {0} lỗi đọc tệp (mã hóa, dấu ngoặc kép, cột) làm "
     "dữ liệu trong gói khác với tệp; hãy sửa tệp trước.",
     "Cannot pack even with --force: file reading errors ({0}) (encoding, quotes, columns) would "
     "make the package differ from the files; fix the files first."},
    {"{0} '{1}' không hợp lệ: chỉ dùng 1 đến 128 chữ cái không dấu, chữ số, '.', '_' hoặc '-'.",
     "{0} '{1}' is not valid: use 1 to 128 plain letters, digits, '.', '_' or '-'."},
    {"--created-at '{0}' không phải thời điểm ISO, ví dụ 2026-09-15T08:00:00+07:00.",
     "--created-at '{0}' is not an ISO date-time, e.g. 2026-09-15T08:00:00+07:00."},
    {"Không ghi được kết quả ra đầu ra chuẩn.", "Cannot write the output to standard output."},
    {"Kết quả kiểm tra trong gói: {0} lỗi, {1} cảnh báo.",
     "Verdict in the package: errors {0}, warnings {1}."},
    {"cách gọi lệnh chưa đúng ({0}); xem 'hemis --help' hoặc 'hemis <lệnh> --help'.",
     "wrong usage ({0}); see 'hemis --help' or 'hemis <command> --help'."},
    {"Cảnh báo: bỏ qua {0}: chỉ đọc các tệp tên learners.csv, staff.csv, programmes.csv, "
     "learner_status.csv (tệp Excel hãy lưu dạng \"CSV UTF-8\").",
     "Warning: {0} skipped: only files named learners.csv, staff.csv, programmes.csv, "
     "learner_status.csv are read (save Excel files as \"CSV UTF-8\")."},
    {"{0} đã có; dùng thư mục khác hoặc thêm --force để ghi đè.",
     "{0} already exists; choose another folder or add --force to overwrite it."},
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

// Verdict rendering: the JSON contract, a human table and a spreadsheet-safe CSV.
#include "hemis/report.hpp"

#include <nlohmann/json.hpp>

#include "hemis/csv.hpp"

namespace hemis {

using ojson = nlohmann::ordered_json;

namespace {

struct Labels {
    const char* error;
    const char* warning;
    const char* clean;
    const char* summary;  // errors, warnings
    const char* records;
    const char* csv_header;
};

const Labels kVi{"LỖI",
                 "CẢNH BÁO",
                 "Không có lỗi hay cảnh báo nào.",
                 "Tổng cộng: {0} lỗi, {1} cảnh báo.",
                 "Số bản ghi",
                 "muc_do,quy_tac,doi_tuong,tep,hang,cot,ban_ghi,truong,gia_tri,thong_bao"};
const Labels kEn{"ERROR",
                 "WARNING",
                 "No errors or warnings.",
                 "Total: errors {0}, warnings {1}.",
                 "Records",
                 "severity,rule,entity,file,row,column,record,field,value,message"};

const Labels& labels(Lang lang) {
    return lang == Lang::vi ? kVi : kEn;
}

std::string summary_line(const Verdict& v, Lang lang) {
    std::string s = labels(lang).summary;
    s.replace(s.find("{0}"), 3, std::to_string(v.summary.errors));
    s.replace(s.find("{1}"), 3, std::to_string(v.summary.warnings));
    return s;
}

ojson nullable(std::uint32_t n) {
    return n ? ojson(n) : ojson(nullptr);
}

// A cell a spreadsheet would run as a formula gets a leading apostrophe, unless it is a number.
std::string inert(std::string_view cell) {
    if (cell.empty() || std::string_view("=+-@\t\r").find(cell[0]) == std::string_view::npos)
        return std::string(cell);
    bool number = cell.size() > 1 && (cell[0] == '-' || cell[0] == '+');
    for (std::size_t i = 1; number && i < cell.size(); ++i)
        number = (cell[i] >= '0' && cell[i] <= '9') || cell[i] == '.';
    return number ? std::string(cell) : "'" + std::string(cell);
}

}  // namespace

std::string verdict_to_json(const Verdict& v, Lang lang) {
    ojson doc;
    doc["rulebook"] = {{"version", v.rulebook_version}, {"hash", v.rulebook_hash}};
    doc["core_version"] = kCoreVersion;
    ojson records = ojson::object();
    for (Entity e : kAllEntities)
        records[std::string(entity_name(e))] = v.summary.records[std::size_t(e)];
    doc["summary"] = {
        {"errors", v.summary.errors}, {"warnings", v.summary.warnings}, {"records", records}};
    ojson list = ojson::array();
    for (const auto& f : v.findings) {
        list.push_back({{"rule", f.rule},
                        {"severity", severity_name(f.severity)},
                        {"entity", f.entity ? ojson(entity_name(*f.entity)) : ojson(nullptr)},
                        {"file", f.file},
                        {"record", f.record},
                        {"row", nullable(f.row)},
                        {"column", nullable(f.column)},
                        {"field", f.field},
                        {"value", f.value},
                        {"message", f.message(lang)}});
    }
    doc["findings"] = std::move(list);
    return doc.dump(2) + "\n";
}

namespace {

// Control characters from a file (a binary file, a stray escape) must not reach a terminal as
// they are: each is shown as \xNN. The message repeats the value, so it is shown the same way.
std::string printable(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string verdict_to_text(const Verdict& v, Lang lang) {
    const Labels& l = labels(lang);
    std::string out;
    for (const auto& f : v.findings) {
        out += f.severity == Severity::error ? l.error : l.warning;
        out += "  ";
        out += f.file.empty() ? std::string(f.entity ? entity_name(*f.entity) : "") : f.file;
        if (f.row) out += ":" + std::to_string(f.row);
        if (f.column) out += ":" + std::to_string(f.column);
        out += "  " + f.rule;
        if (!f.record.empty()) out += "  [" + printable(f.record) + "]";
        if (!f.field.empty()) out += "  " + f.field + "=\"" + printable(f.value) + "\"";
        out += "\n    " + printable(f.message(lang)) + "\n";
    }
    if (v.findings.empty()) out += std::string(l.clean) + "\n";
    out += summary_line(v, lang) + "\n";
    return out;
}

std::string verdict_to_csv(const Verdict& v, Lang lang) {
    std::string out = "\xEF\xBB\xBF";
    out += labels(lang).csv_header;
    out += "\r\n";
    for (const auto& f : v.findings) {
        const std::string cells[] = {std::string(severity_name(f.severity)),
                                     f.rule,
                                     std::string(f.entity ? entity_name(*f.entity) : ""),
                                     f.file,
                                     f.row ? std::to_string(f.row) : "",
                                     f.column ? std::to_string(f.column) : "",
                                     f.record,
                                     f.field,
                                     f.value,
                                     f.message(lang)};
        for (std::size_t i = 0; i < std::size(cells); ++i) {
            if (i) out.push_back(',');
            append_csv_field(out, inert(cells[i]));
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace hemis

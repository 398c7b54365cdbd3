// Slice-wise CSV reading (see csv_chunks.hpp). The record scanner follows the core reader's rules
// (a quote opens a field only at its start; "" inside quotes is a quote; LF, CRLF and a lone CR
// end a row), so a slice never ends inside a quoted field.
#include "csv_chunks.hpp"

#include <vector>

namespace web {
namespace {

bool is_bom(std::string_view b) {
    return b.size() >= 3 && b[0] == '\xEF' && b[1] == '\xBB' && b[2] == '\xBF';
}

}  // namespace

CsvChunks::Cut CsvChunks::cut_after(std::size_t records) const {
    enum class St { field_start, unquoted, quoted, after_quote } st = St::field_start;
    std::size_t i = (pos_ == 0 && is_bom(bytes_)) ? 3 : pos_;
    std::size_t n = 0;
    for (; i < bytes_.size(); ++i) {
        const char c = bytes_[i];
        if (st == St::quoted) {
            if (c != '"') continue;
            if (i + 1 < bytes_.size() && bytes_[i + 1] == '"')
                ++i;
            else
                st = St::after_quote;
            continue;
        }
        if (c == ',') {
            st = St::field_start;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < bytes_.size() && bytes_[i + 1] == '\n') ++i;
            st = St::field_start;
            if (++n == records) return {i + 1, std::uint32_t(n)};
        } else if (st == St::field_start) {
            st = c == '"' ? St::quoted : St::unquoted;
        }
    }
    return {bytes_.size(), std::uint32_t(n)};
}

void CsvChunks::merge(const hemis::CsvTable& part, std::int64_t shift, std::uint32_t header_lines) {
    for (auto issue : part.issues()) {
        if (issue.row <= header_lines) continue;  // the copied header is never at fault
        issue.row = std::uint32_t(std::int64_t(issue.row) + shift);
        table_.add_issue(issue);
    }
    std::vector<std::string_view> cells;
    for (std::size_t r = 0; r < part.row_count(); ++r) {
        cells.clear();
        for (std::size_t c = 0; c < part.column_count(); ++c) cells.push_back(part.cell(r, c));
        table_.add_row(cells, std::uint32_t(std::int64_t(part.source_row(r)) + shift));
    }
}

void CsvChunks::step(std::size_t records) {
    if (done()) return;
    const std::size_t start = pos_;
    const auto [end, rows] = cut_after(records);
    const std::string_view slice = bytes_.substr(start, end - start);
    if (have_header_) {
        const hemis::CsvTable part = hemis::read_csv(header_csv_ + std::string(slice));
        merge(part, std::int64_t(line_) - 2, 1);
    } else {
        const hemis::CsvTable part = hemis::read_csv(slice);
        if (!part.header().empty()) {
            have_header_ = true;
            table_.set_header(part.header());
            for (std::size_t c = 0; c < part.header().size(); ++c) {
                if (c) header_csv_ += ',';
                hemis::append_csv_field(header_csv_, part.header()[c]);
            }
            header_csv_ += '\n';
        }
        merge(part, std::int64_t(line_) - 1, 0);
        // A UTF-16 file is one finding; its later slices would only read as noise.
        for (const auto& issue : part.issues())
            if (issue.kind == hemis::CsvIssue::Kind::utf16) {
                pos_ = bytes_.size();
                return;
            }
    }
    line_ += rows;
    pos_ = end;
}

}  // namespace web

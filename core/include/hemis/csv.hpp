// RFC 4180 CSV reader into a compact table (one text buffer, cells as offsets), and the small
// writer used by exports. Reading also checks UTF-8 and normalises every cell to NFC.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hemis {

// A problem met while reading: the row is the 1-based row of the record as a spreadsheet opening
// the file numbers it (the header is row 1, blank lines count, a line break inside a quoted cell
// does not), the column is 1-based.
struct CsvIssue {
    enum class Kind {
        invalid_utf8,
        unterminated_quote,
        text_after_quote,
        wrong_field_count,
        utf16
    };
    Kind kind;
    std::uint32_t row = 0;
    std::uint32_t column = 0;
    std::uint32_t byte_in_field = 0;  // for invalid_utf8: offset of the bad byte inside the cell
    std::uint8_t byte = 0;            // for invalid_utf8: the bad byte itself
};

class CsvTable {
public:
    const std::vector<std::string>& header() const { return header_; }
    std::size_t row_count() const { return rows_; }
    std::size_t column_count() const { return header_.size(); }
    std::string_view cell(std::size_t row, std::size_t col) const {
        const Span& s = cells_[row * header_.size() + col];
        return {text_.data() + s.offset, s.length};
    }
    std::uint32_t source_row(std::size_t row) const { return source_rows_[row]; }
    const std::vector<CsvIssue>& issues() const { return issues_; }

    // Builds a table row by row (used by the package reader and the browser's editors).
    void set_header(std::vector<std::string> header);
    void add_row(const std::vector<std::string_view>& cells, std::uint32_t source_row);
    void add_issue(const CsvIssue& issue) { issues_.push_back(issue); }

private:
    friend CsvTable read_csv(std::string_view bytes);
    friend struct CsvReader;
    struct Span {
        std::uint32_t offset;
        std::uint32_t length;
    };
    // `ascii`: the caller knows the value is all ASCII, so already NFC.
    void push_cell(std::string_view value, bool ascii);
    // Appends a row of `cells` (blank past their end); `ascii(col)` as for push_cell.
    template <class Ascii>
    void append_row(const std::vector<std::string_view>& cells, std::uint32_t source_row,
                    const Ascii& ascii);
    // Reserves room for the whole file from the rows read so far and the bytes they took.
    void reserve_like_sample(std::size_t sample_bytes, std::size_t remaining_bytes);

    std::vector<std::string> header_;
    std::string text_;
    std::vector<Span> cells_;
    std::vector<std::uint32_t> source_rows_;
    std::size_t rows_ = 0;
    std::vector<CsvIssue> issues_;
};

// Parses CSV bytes (UTF-8 with or without BOM, CRLF or LF, quoted fields with embedded commas,
// quotes and newlines). Never throws: problems are listed in issues(). Blank lines are skipped;
// rows shorter than the header are padded with blanks and rows with further non-blank cells are
// flagged; empty trailing header cells (as Excel leaves) are dropped. UTF-16 input is one issue.
CsvTable read_csv(std::string_view bytes);

// Appends one CSV field, quoted when it holds a comma, quote, CR or LF.
void append_csv_field(std::string& out, std::string_view value);

}  // namespace hemis

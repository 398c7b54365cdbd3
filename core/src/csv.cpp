// RFC 4180 reader. One pass over the bytes; each cell is checked for UTF-8, trimmed of surrounding
// spaces and appended in NFC to the table's single text buffer, so a row costs no allocation once
// the buffers have grown. Unquoted cells are read in place, and all-ASCII ones (most cells) skip
// the UTF-8 and NFC work.
#include "hemis/csv.hpp"

#include <array>

#include "hemis/text.hpp"
#include "row_batches.hpp"

namespace hemis {

void CsvTable::set_header(std::vector<std::string> header) {
    header_ = std::move(header);
}

void CsvTable::push_cell(std::string_view value, bool ascii) {
    const auto offset = static_cast<std::uint32_t>(text_.size());
    if (ascii)
        text_.append(value);  // ASCII is its own NFC
    else
        text::append_nfc(value, text_);
    cells_.push_back({offset, static_cast<std::uint32_t>(text_.size() - offset)});
}

template <class Ascii>
void CsvTable::append_row(const std::vector<std::string_view>& cells, std::uint32_t source_row,
                          const Ascii& ascii) {
    for (std::size_t c = 0; c < header_.size(); ++c) {
        if (c < cells.size())
            push_cell(cells[c], ascii(c));
        else
            push_cell({}, true);
    }
    source_rows_.push_back(source_row);
    ++rows_;
}

void CsvTable::add_row(const std::vector<std::string_view>& cells, std::uint32_t source_row) {
    append_row(cells, source_row, [](std::size_t) { return false; });
}

namespace {

struct Cursor {
    std::string_view in;
    std::size_t pos = 0;
    // Spreadsheet row of the next record: each line break outside quotes ends one row, as Excel
    // numbers a CSV it opens; a line break inside a quoted cell stays in that row.
    std::uint32_t line = 1;

    bool done() const { return pos >= in.size(); }
    char peek() const { return in[pos]; }
    // Consumes a line break (LF, CRLF or a lone CR) if one is next.
    bool take_newline() {
        if (done()) return false;
        if (in[pos] == '\n' || in[pos] == '\r') {
            if (in[pos] == '\r' && pos + 1 < in.size() && in[pos + 1] == '\n') ++pos;
            ++pos;
            ++line;
            return true;
        }
        return false;
    }
};

// One cell as read: a view into the input, or for a quoted (or repaired) cell its own copy.
// `ascii` cells need neither the UTF-8 check nor normalisation, which is most cells of real data.
struct RawCell {
    std::string_view in_place;
    std::string copy;  // reused between records: capacity stays
    bool copied = false;
    bool ascii = true;
    // Not kept as a view into `copy`: the record's vector of cells may move it while growing.
    std::string_view bytes() const { return copied ? std::string_view(copy) : in_place; }
};

struct RawRecord {
    std::vector<RawCell> cells;
    std::size_t count = 0;
    std::uint32_t row = 0;
    RawCell& next() {
        if (count == cells.size()) cells.emplace_back();
        return cells[count++];
    }
};

// The bytes that end an unquoted field, as a table: one load per byte instead of three compares.
constexpr auto kEndsField = [] {
    std::array<bool, 256> t{};
    t[','] = t['\n'] = t['\r'] = true;
    return t;
}();

bool is_ascii(std::string_view s) {
    unsigned char high = 0;
    for (char c : s) high |= static_cast<unsigned char>(c);
    return high < 0x80;
}

// Reads one field into `cell`; returns false when the quote never closes.
bool read_field(Cursor& c, RawCell& cell, bool& text_after_quote) {
    if (c.done() || c.peek() != '"') {
        // The hot loop of reading: one pass finds the field's end and whether it is all ASCII.
        const char* const begin = c.in.data() + c.pos;
        const char* const end = c.in.data() + c.in.size();
        const char* p = begin;
        unsigned char high = 0;
        for (; p < end; ++p) {
            const auto ch = static_cast<unsigned char>(*p);
            if (kEndsField[ch]) break;
            high |= ch;
        }
        c.pos += static_cast<std::size_t>(p - begin);
        cell.in_place = {begin, static_cast<std::size_t>(p - begin)};
        cell.copied = false;
        cell.ascii = high < 0x80;
        return true;
    }
    cell.copied = true;
    std::string& out = cell.copy;
    out.clear();
    ++c.pos;  // opening quote
    for (;;) {
        if (c.done()) return false;
        const char ch = c.peek();
        if (ch == '"') {
            if (c.pos + 1 < c.in.size() && c.in[c.pos + 1] == '"') {
                out.push_back('"');
                c.pos += 2;
                continue;
            }
            ++c.pos;
            break;
        }
        out.push_back(ch);
        ++c.pos;
    }
    // Anything between the closing quote and the separator is kept but reported.
    const std::size_t start = c.pos;
    while (!c.done() && c.peek() != ',' && c.peek() != '\n' && c.peek() != '\r') ++c.pos;
    if (c.pos > start) {
        text_after_quote = true;
        out.append(c.in.substr(start, c.pos - start));
    }
    cell.ascii = is_ascii(out);
    return true;
}

// Reads one record; returns false at end of input.
bool read_record(Cursor& c, RawRecord& rec, CsvTable& table) {
    while (!c.done() && c.take_newline()) {
    }  // blank lines
    if (c.done()) return false;
    rec.count = 0;
    rec.row = c.line;
    for (;;) {
        bool after_quote = false;
        RawCell& cell = rec.next();
        if (!read_field(c, cell, after_quote)) {
            cell.ascii = is_ascii(cell.copy);
            table.add_issue({CsvIssue::Kind::unterminated_quote, rec.row,
                             static_cast<std::uint32_t>(rec.count), 0});
            c.pos = c.in.size();
            return true;
        }
        if (after_quote)
            table.add_issue({CsvIssue::Kind::text_after_quote, rec.row,
                             static_cast<std::uint32_t>(rec.count), 0});
        if (!c.done() && c.peek() == ',') {
            ++c.pos;
            continue;
        }
        c.take_newline();
        return true;
    }
}

// Checks UTF-8 of every non-ASCII cell, reports and repairs bad ones, then trims each into
// `views`. False when every cell is blank (a bad byte is not blank, so none was reported).
bool clean_cells(RawRecord& rec, CsvTable& table, std::vector<std::string_view>& views) {
    views.clear();
    bool content = false;
    for (std::size_t i = 0; i < rec.count; ++i) {
        RawCell& cell = rec.cells[i];
        const std::size_t bad =
            cell.ascii ? std::string_view::npos : text::find_invalid_utf8(cell.bytes());
        if (bad != std::string_view::npos) {
            table.add_issue({CsvIssue::Kind::invalid_utf8, rec.row,
                             static_cast<std::uint32_t>(i + 1), static_cast<std::uint32_t>(bad),
                             static_cast<std::uint8_t>(cell.bytes()[bad])});
            cell.copy = text::replace_invalid_utf8(cell.bytes());
            cell.copied = true;
        }
        views.push_back(text::trim(cell.bytes()));
        content = content || !views.back().empty();
    }
    return content;
}

// With a byte-order mark, or without one: text never holds NUL bytes, while UTF-16 of a header's
// ASCII letters has one in every other byte.
bool is_utf16(std::string_view bytes) {
    if (bytes.size() < 2) return false;
    if ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))
        return true;
    return bytes.size() >= 4 && ((bytes[1] == '\0' && bytes[3] == '\0' && bytes[0] != '\0') ||
                                 (bytes[0] == '\0' && bytes[2] == '\0' && bytes[1] != '\0'));
}

// Cells past the header that hold something: empty ones are what Excel adds after a range.
bool has_extra_content(const std::vector<std::string_view>& cells, std::size_t columns) {
    for (std::size_t i = columns; i < cells.size(); ++i)
        if (!cells[i].empty()) return true;
    return false;
}

}  // namespace

void CsvTable::reserve_like_sample(std::size_t sample_bytes, std::size_t remaining_bytes) {
    if (rows_ == 0 || sample_bytes == 0) return;
    // 5% over the estimate: one growth of a vector of a million rows would copy it all and, for
    // a moment, hold it twice.
    const std::size_t rows =
        rows_ + static_cast<std::size_t>(double(remaining_bytes) / double(sample_bytes) *
                                         double(rows_) * 1.05) + 1;
    cells_.reserve(rows * header_.size());
    source_rows_.reserve(rows);
}

// The state of one read_csv, so records can be read in batches (see row_batches.hpp: a wasm
// engine optimises a function only between calls).
struct CsvReader {
    CsvTable& table;
    Cursor c;
    RawRecord rec;
    std::vector<std::string_view> views;
    bool have_header = false;
    std::size_t sample_start = 0;

    // Reads up to kRowsPerBatch records; false once the input is exhausted.
    [[gnu::noinline]] bool read_batch() {
        for (std::size_t n = 0; n < kRowsPerBatch; ++n) {
            if (!read_record(c, rec, table)) return false;
            if (!clean_cells(rec, table, views)) continue;  // a blank line or a row of blanks
            if (!have_header) {
                std::vector<std::string> header;
                for (auto v : views) header.push_back(text::to_nfc(v));
                while (!header.empty() && header.back().empty()) header.pop_back();
                table.set_header(std::move(header));
                have_header = true;
                sample_start = c.pos;
                continue;
            }
            add_record();
        }
        return true;
    }

    void add_record() {
        if (has_extra_content(views, table.column_count()))
            table.add_issue({CsvIssue::Kind::wrong_field_count, rec.row,
                             static_cast<std::uint32_t>(table.column_count() + 1), 0});
        table.append_row(views, rec.row, [this](std::size_t col) { return rec.cells[col].ascii; });
    }
};

CsvTable read_csv(std::string_view bytes) {
    CsvTable table;
    if (is_utf16(bytes)) {
        table.add_issue({CsvIssue::Kind::utf16, 1, 0, 0});
        return table;
    }
    CsvReader reader{table, Cursor{text::strip_bom(bytes)}};
    // The text of the cells is never longer than the input, barring rare NFC expansions and
    // repaired bytes: one reservation instead of growing (and copying) a buffer of the whole file.
    table.text_.reserve(reader.c.in.size());
    // The first batch (the header and up to kRowsPerBatch rows) sizes the table for the rest.
    // Its own call site also keeps read_batch a function of its own in the wasm build, where
    // Binaryen inlines any function called from one place.
    if (!reader.read_batch()) return table;
    table.reserve_like_sample(reader.c.pos - reader.sample_start,
                              reader.c.in.size() - reader.c.pos);
    while (reader.read_batch()) {
    }
    return table;
}

void append_csv_field(std::string& out, std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(value);
        return;
    }
    out.push_back('"');
    for (char ch : value) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
    }
    out.push_back('"');
}

}  // namespace hemis

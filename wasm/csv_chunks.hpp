// Reads a CSV file a slice of records at a time, so a large import never holds the page for
// more than a frame's work. Each slice is read by the core's own CSV reader (behind a copy of the
// header) and merged into one table whose rows, issues and row numbers equal what reading the
// whole file at once gives: slices are cut only between records, and row numbers are shifted.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "hemis/csv.hpp"

namespace web {

class CsvChunks {
public:
    explicit CsvChunks(std::string_view bytes) : bytes_(bytes) {}  // bytes must outlive this

    bool done() const { return pos_ >= bytes_.size(); }
    double progress() const { return bytes_.empty() ? 1.0 : double(pos_) / double(bytes_.size()); }
    std::size_t rows_read() const { return table_.row_count(); }

    // Reads up to `records` more records.
    void step(std::size_t records);
    hemis::CsvTable take() { return std::move(table_); }

private:
    struct Cut {
        std::size_t end;     // byte offset after the records
        std::uint32_t rows;  // line breaks outside quotes before it: spreadsheet rows passed
    };
    Cut cut_after(std::size_t records) const;
    void merge(const hemis::CsvTable& part, std::int64_t line_shift, std::uint32_t header_lines);

    std::string_view bytes_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;  // spreadsheet row (1-based) at pos_, counted as the core counts
    bool have_header_ = false;
    std::string header_csv_;  // the header written back as one CSV record (row 1) for later slices
    hemis::CsvTable table_;
};

}  // namespace web

// Fuzz target: any bytes must read into a table whose cells are valid UTF-8 and whose issues
// point inside the input, then validate without crashing.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hemis/inputs.hpp"
#include "hemis/text.hpp"
#include "hemis/validator.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const hemis::Rulebook book = hemis::load_default_rulebook();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const hemis::CsvTable t = hemis::read_csv(bytes);
    for (std::size_t r = 0; r < t.row_count(); ++r)
        for (std::size_t c = 0; c < t.column_count(); ++c)
            if (hemis::text::find_invalid_utf8(t.cell(r, c)) != std::string_view::npos)
                std::abort();
    hemis::Dataset d;
    hemis::add_csv_input(d, "learners.csv", bytes);
    (void)hemis::validate(book, d);
    return 0;
}

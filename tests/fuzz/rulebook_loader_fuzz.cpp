// Fuzz target: the rulebook loader either loads or throws RulebookError. Catalog files come from
// the project's reference folder so that fuzzed rules can name real catalogs.
#include <cstdint>
#include <string_view>

#include "hemis/rulebook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const hemis::FileLoader loader =
        hemis::directory_loader(hemis::default_data_dir() + "/reference");
    try {
        (void)hemis::Rulebook::load({reinterpret_cast<const char*>(data), size}, loader);
    } catch (const hemis::RulebookError&) {
    }
    return 0;
}

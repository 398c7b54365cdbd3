// Fuzz target: the package reader either returns a package whose counts match its records or
// throws PackageError; nothing else may escape.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "hemis/package.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const hemis::Package p = hemis::read_package({reinterpret_cast<const char*>(data), size});
        for (hemis::Entity e : hemis::kAllEntities)
            if (p.data.count(e) != p.manifest.counts[std::size_t(e)]) std::abort();
    } catch (const hemis::PackageError&) {
    }
    return 0;
}

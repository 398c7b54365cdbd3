// SHA-256 of bytes as lowercase hex, through libmd's SHA-2 (built from Debian's source package
// for native and wasm alike).
#pragma once
#include <string>
#include <string_view>

namespace hemis {

std::string sha256_hex(std::string_view bytes);

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::string hex_digest();  // finishes the hash; the object is spent afterwards

private:
    alignas(8) unsigned char state_[256];
};

}  // namespace hemis

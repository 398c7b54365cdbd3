// SHA-256 through libmd's OpenBSD-derived SHA-2 code.
#include "hemis/sha256.hpp"

#include <sys/types.h>
#include <cstring>

#include <sha2.h>

namespace hemis {

static_assert(sizeof(SHA2_CTX) <= 256, "Sha256::state_ is too small for SHA2_CTX");

Sha256::Sha256() {
    SHA256Init(reinterpret_cast<SHA2_CTX*>(state_));
}

void Sha256::update(std::string_view bytes) {
    SHA256Update(reinterpret_cast<SHA2_CTX*>(state_),
                 reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[SHA256_DIGEST_LENGTH];
    SHA256Final(digest, reinterpret_cast<SHA2_CTX*>(state_));
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(SHA256_DIGEST_LENGTH * 2, '0');
    for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex_digest();
}

}  // namespace hemis

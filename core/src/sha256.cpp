// SHA-256: what both backends share (the hex form and the one-shot helper). The hash itself is in
// sha256_openssl.cpp (native: OpenSSL's assembly uses the CPU's SHA instructions; libmd's portable
// C took a sixth of the server's ingest time, issue 6) or sha256_libmd.cpp (the browser, where
// Emscripten has no OpenSSL); core/CMakeLists.txt picks one.
#include "hemis/sha256.hpp"

#include "sha256_backend.hpp"

namespace hemis {

std::string sha256_digest_hex(const std::uint8_t (&digest)[kSha256DigestBytes]) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(kSha256DigestBytes * 2, '0');
    for (int i = 0; i < kSha256DigestBytes; ++i) {
        out[2 * i] = digits[digest[i] >> 4];
        out[2 * i + 1] = digits[digest[i] & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex_digest();
}

}  // namespace hemis

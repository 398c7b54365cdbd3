// Internal: what each SHA-256 backend (sha256_openssl.cpp, sha256_libmd.cpp) uses of the shared part.
#pragma once
#include <cstdint>
#include <string>

namespace hemis {

inline constexpr int kSha256DigestBytes = 32;

// The digest as lowercase hex.
std::string sha256_digest_hex(const std::uint8_t (&digest)[kSha256DigestBytes]);

}  // namespace hemis

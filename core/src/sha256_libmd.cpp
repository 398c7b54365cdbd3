// SHA-256 for the browser build, through libmd's OpenBSD-derived SHA-2 code (built from Debian's
// source package): Emscripten has no OpenSSL.
#include <sys/types.h>

#include <sha2.h>

#include "hemis/sha256.hpp"
#include "sha256_backend.hpp"

namespace hemis {

struct Sha256::State {
    SHA2_CTX ctx;
};

Sha256::~Sha256() = default;  // here, where State is complete

Sha256::Sha256() : state_(std::make_unique<State>()) {
    SHA256Init(&state_->ctx);
}

void Sha256::update(std::string_view bytes) {
    SHA256Update(&state_->ctx, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[kSha256DigestBytes];
    SHA256Final(digest, &state_->ctx);
    return sha256_digest_hex(digest);
}

}  // namespace hemis

// SHA-256 for native builds, through OpenSSL's EVP interface (Debian's libssl-dev).
#include <openssl/evp.h>

#include <stdexcept>

#include "hemis/sha256.hpp"
#include "sha256_backend.hpp"

namespace hemis {

struct Sha256::State {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(ctx); }
};

namespace {

// OpenSSL fails only when out of memory or misconfigured: nothing a caller could handle.
void check(int ok) {
    if (!ok) throw std::runtime_error("OpenSSL SHA-256 failed");
}

}  // namespace

Sha256::~Sha256() = default;  // here, where State is complete

Sha256::Sha256() : state_(std::make_unique<State>()) {
    check(state_->ctx && EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr));
}

void Sha256::update(std::string_view bytes) {
    check(EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size()));
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[kSha256DigestBytes];
    check(EVP_DigestFinal_ex(state_->ctx, digest, nullptr));
    return sha256_digest_hex(digest);
}

}  // namespace hemis

// SHA-256 natively through OpenSSL's EVP interface, in the browser through libmd's OpenBSD-derived
// SHA-2 code. libmd's portable C took a sixth of the server's ingest time (issue 6); OpenSSL's
// assembly uses the SHA instructions where the CPU has them. Emscripten has no OpenSSL port.
#include "hemis/sha256.hpp"

#include <cstdint>
#include <stdexcept>

#ifdef __EMSCRIPTEN__
#include <sys/types.h>

#include <sha2.h>
#else
#include <openssl/evp.h>
#endif

namespace hemis {

namespace {

constexpr int kDigestBytes = 32;

std::string hex(const std::uint8_t (&digest)[kDigestBytes]) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(kDigestBytes * 2, '0');
    for (int i = 0; i < kDigestBytes; ++i) {
        out[2 * i] = digits[digest[i] >> 4];
        out[2 * i + 1] = digits[digest[i] & 15];
    }
    return out;
}

}  // namespace

#ifdef __EMSCRIPTEN__

struct Sha256::State {
    SHA2_CTX ctx;
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    SHA256Init(&state_->ctx);
}

void Sha256::update(std::string_view bytes) {
    SHA256Update(&state_->ctx, reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[kDigestBytes];
    SHA256Final(digest, &state_->ctx);
    return hex(digest);
}

#else

struct Sha256::State {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(ctx); }
};

// OpenSSL fails only when out of memory or misconfigured: nothing a caller could handle.
static void check(int ok) {
    if (!ok) throw std::runtime_error("OpenSSL SHA-256 failed");
}

Sha256::Sha256() : state_(std::make_unique<State>()) {
    check(state_->ctx && EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr));
}

void Sha256::update(std::string_view bytes) {
    check(EVP_DigestUpdate(state_->ctx, bytes.data(), bytes.size()));
}

std::string Sha256::hex_digest() {
    std::uint8_t digest[kDigestBytes];
    check(EVP_DigestFinal_ex(state_->ctx, digest, nullptr));
    return hex(digest);
}

#endif

Sha256::~Sha256() = default;

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes);
    return h.hex_digest();
}

}  // namespace hemis

// SHA-256 of bytes as lowercase hex: natively through OpenSSL's libcrypto (which uses the CPU's
// SHA instructions), in the browser through libmd's SHA-2 (built from Debian's source package).
#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace hemis {

std::string sha256_hex(std::string_view bytes);

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(std::string_view bytes);
    std::string hex_digest();  // finishes the hash; the object is spent afterwards

private:
    struct State;  // the library's context
    std::unique_ptr<State> state_;
};

}  // namespace hemis

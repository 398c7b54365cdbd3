// Tests for core/src/sha256.cpp against the FIPS 180-2 test vectors.
#include <catch2/catch.hpp>

#include "hemis/sha256.hpp"

TEST_CASE("sha256_hex matches the standard test vectors") {
    CHECK(hemis::sha256_hex("") ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hemis::sha256_hex("abc") ==
          "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hemis::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("Sha256 gives the same digest fed in pieces") {
    hemis::Sha256 h;
    h.update("a");
    h.update("bc");
    CHECK(h.hex_digest() == hemis::sha256_hex("abc"));
}

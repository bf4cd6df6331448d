#include "pipeline/pdf/sha256.hpp"

#include <catch2/catch.hpp>

using kuvert::Sha256;

TEST_CASE("SHA-256 gives the FIPS 180-2 example digests, also in pieces", "[deliver]") {
  CHECK(Sha256().hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 abc;
  abc.update("abc");
  CHECK(abc.hex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // The two-block example, fed in uneven pieces, with a look half-way.
  Sha256 pieces;
  pieces.update("abcdbcdecdefdefgefghfghighij");
  CHECK(pieces.hex().size() == 64);
  pieces.update("hijkijkljklmklmnlmnomnopnopq");
  CHECK(pieces.hex() == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

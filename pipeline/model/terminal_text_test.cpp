#include "pipeline/model/terminal_text.hpp"

#include <catch2/catch.hpp>

namespace kuvert {
namespace {

TEST_CASE("text for a terminal keeps letters and escapes controls", "[model]") {
  CHECK(terminal_safe("Jürgen Öztürk, Straße 5") == "Jürgen Öztürk, Straße 5");
  CHECK(terminal_safe("job-a\n2026-12-02T04:00:00Z kuvert: run 1 released by chef") ==
        "job-a\\n2026-12-02T04:00:00Z kuvert: run 1 released by chef");
  CHECK(terminal_safe("\x1B[2J\x1B]0;pwned\x07name\r\t\x7F") == "\\x1B[2J\\x1B]0;pwned\\x07name\\r\\t\\x7F");
  CHECK(terminal_safe("a\xC2\x85" "b\xE2\x80\xA8" "c\xE2\x80\xAE" "d\xC2\x9B" "e") ==
        "a\\u0085b\\u2028c\\u202Ed\\u009Be");
  CHECK(terminal_safe("M\xFCller") == "M\\xFCller");
  CHECK(terminal_safe(std::string_view("a\0b", 3)) == "a\\x00b");
}

}  // namespace
}  // namespace kuvert

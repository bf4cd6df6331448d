#include "pipeline/model/ascii_text.hpp"

#include <catch2/catch.hpp>

TEST_CASE("German letters are spelt out for ASCII-only machines, anything else is refused", "[model]") {
  CHECK(kuvert::german_ascii("Großbrief") == "Grossbrief");
  CHECK(kuvert::german_ascii("Übergröße Äpfel Öl STRAẞE") == "Uebergroesse Aepfel Oel STRASSE");
  CHECK(kuvert::german_ascii("C6/5 (Fenster)") == "C6/5 (Fenster)");
  CHECK_FALSE(kuvert::german_ascii("Lettre prioritaire à l'étranger").has_value());
  CHECK_FALSE(kuvert::german_ascii("tab\there").has_value());
  CHECK_FALSE(kuvert::german_ascii("M\xFCller").has_value());  // Latin-1, not UTF-8
}

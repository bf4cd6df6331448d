#include "stages/scan/field_rules.hpp"

#include <catch2/catch.hpp>

namespace kuvert::scan {
namespace {

TEST_CASE("IBANs count only with a valid checksum", "[scan][fields]") {
  CHECK(valid_iban("DE02 1203 0000 0000 2020 51"));
  CHECK(valid_iban("DE89370400440532013000"));
  CHECK(valid_iban("AT611904300234573201"));
  CHECK_FALSE(valid_iban("DE02 1203 0000 0000 2020 52"));  // one digit off
  CHECK_FALSE(valid_iban("DEO2 1203 0000 0000 2020 51"));  // an O read for a 0
  CHECK_FALSE(valid_iban("DE02"));
  CHECK_FALSE(valid_iban(""));
}

TEST_CASE("field rules find named values in OCR text", "[scan][fields]") {
  const std::string text =
      "Kassenzeichen K-2026-000042\nAktenzeichen 32.1-0815/26\nDatum 22.11.2026\n"
      "Betrag 1.234,56 EUR\nKonto DE02 1203 0000 0000 2020 51, falsch DE02 1203 0000 0000 2020 52\n"
      "Kassenzeichen K-2026-000043\nKassenzeichen K-2026-000042\n"
      "Konto AT61 19O4 3002 3457 3201, wieder DEO2 12O3 0000 0000 2020 51\n";
  const std::vector<ScanFieldRule> rules{
      {"kassenzeichen", R"(Kassenzeichen\s+(K-\d{4}-\d{6}))", false},
      {"aktenzeichen", R"(Aktenzeichen\s+([0-9.]+-[0-9/]+))", false},
      {"datum", R"(\b\d{2}\.\d{2}\.\d{4}\b)", false},
      {"betrag", R"((\d{1,3}(?:\.\d{3})*,\d{2})\s*(?:EUR|€))", false},
      {"iban", R"([A-Z]{2}[0-9O]{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?)", true},
  };
  // Each value once; a German IBAN's O read as 0 where the checksum agrees,
  // not an Austrian one's (whose account part may hold letters).
  const auto found = find_fields(text, rules);
  std::vector<std::string> pairs;
  for (const auto& field : found) pairs.push_back(field.name + "=" + field.value);
  CHECK(pairs == std::vector<std::string>{"kassenzeichen=K-2026-000042", "kassenzeichen=K-2026-000043",
                                          "aktenzeichen=32.1-0815/26", "datum=22.11.2026", "betrag=1.234,56",
                                          "iban=DE02120300000000202051"});
}

}  // namespace
}  // namespace kuvert::scan

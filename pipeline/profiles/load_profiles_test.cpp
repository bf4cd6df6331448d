#include "pipeline/profiles/load_profiles.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scratch_layouts.hpp"

using kuvert::test::load_problems;
using kuvert::test::ScratchLayouts;
using Lines = std::vector<std::string>;

namespace {

const std::filesystem::path kShipped = std::filesystem::path(KUVERT_SOURCE_DIR) / "layouts";

}  // namespace

TEST_CASE("the shipped papers and envelopes load", "[profiles]") {
  const auto catalog = kuvert::load_profiles(kShipped, "2025-06-30");
  REQUIRE(catalog.papers.size() == 2);
  CHECK(catalog.papers.at("a4-80").name == "a4-80");
  CHECK(catalog.papers.at("a4-80").sheet_weight_g == 4.99);
  CHECK(catalog.papers.at("a4-80").sheet_thickness_mm == 0.1);
  CHECK(catalog.papers.count("a4-90") == 1);

  REQUIRE(catalog.envelopes.size() == 4);
  const auto& dl = catalog.envelopes.at("dl");
  CHECK(dl.format == "DL");
  CHECK(dl.width_mm == 220);
  CHECK(dl.height_mm == 110);
  CHECK(dl.fold_layers == 3);
  CHECK(dl.window_x_mm == 20);
  CHECK(dl.window_bottom_mm == 15);
  CHECK(dl.window_width_mm == 90);
  CHECK(dl.window_height_mm == 45);
  CHECK(catalog.envelopes.at("c6-5").format == "C6/5");
  CHECK(catalog.envelopes.at("c5").fold_layers == 2);
  const auto& c4 = catalog.envelopes.at("c4");
  CHECK(c4.width_mm == 229);
  CHECK(c4.height_mm == 324);
  CHECK(c4.fold_layers == 1);
  // Form B's address field of a flat sheet on the bottom edge: 297 - 90 mm.
  CHECK(c4.window_bottom_mm == 207);
  CHECK(c4.window_height_mm == 45);
  CHECK(c4.weight_g == 20);
}

TEST_CASE("the shipped tariff holds the four letter products at home and abroad", "[profiles]") {
  const auto tariff = kuvert::load_profiles(kShipped, "2025-01-01").tariff;
  CHECK(tariff.name == "Deutsche Post 2025");
  CHECK(tariff.valid_from == "2025-01-01");
  CHECK(tariff.currency == "EUR");
  REQUIRE(tariff.products.size() == 8);
  const auto& standard = tariff.products[0];
  CHECK(standard.name == "Standardbrief");
  CHECK(standard.max_weight_g == 20);
  CHECK(standard.max_thickness_mm == 5);
  CHECK(standard.min_length_mm == 140);
  CHECK(standard.max_length_mm == 235);
  CHECK(standard.min_width_mm == 90);
  CHECK(standard.max_width_mm == 125);
  CHECK(standard.price_cents == 95);
  CHECK(tariff.products[1].name == "Kompaktbrief");
  CHECK(tariff.products[1].price_cents == 110);
  CHECK(tariff.products[2].name == "Großbrief");
  CHECK(tariff.products[2].max_weight_g == 500);
  CHECK(tariff.products[2].price_cents == 180);
  CHECK(tariff.products[3].name == "Maxibrief");
  CHECK(tariff.products[3].max_thickness_mm == 50);
  CHECK(tariff.products[3].price_cents == 290);
  for (std::size_t i = 0; i < 4; ++i) CHECK(tariff.products[i].destination == kuvert::Destination::domestic);
  const char* abroad[] = {"Standardbrief International", "Kompaktbrief International", "Großbrief International",
                          "Maxibrief International"};
  const long prices[] = {125, 180, 330, 650};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(tariff.products[4 + i].name == abroad[i]);
    CHECK(tariff.products[4 + i].destination == kuvert::Destination::international);
    CHECK(tariff.products[4 + i].price_cents == prices[i]);
    CHECK(tariff.products[4 + i].max_weight_g == tariff.products[i].max_weight_g);
  }
}

TEST_CASE("the tariff in force is the latest that starts on or before the production date", "[profiles]") {
  ScratchLayouts layouts;
  layouts.write("tariffs/deutsche-post-2026.toml",
                "name = \"Deutsche Post 2026\"\nvalid_from = 2026-01-01\ncurrency = \"EUR\"\n"
                "[[product]]\nname = \"Standardbrief\"\nmax_weight_g = 20\nmax_thickness_mm = 5\n"
                "min_length_mm = 140\nmax_length_mm = 235\nmin_width_mm = 90\nmax_width_mm = 125\n"
                "price_cents = 99\n");
  CHECK(kuvert::load_profiles(layouts.root(), "2025-12-31").tariff.name == "Deutsche Post 2025");
  CHECK(kuvert::load_profiles(layouts.root(), "2026-01-01").tariff.name == "Deutsche Post 2026");
  CHECK(kuvert::load_profiles(layouts.root(), "2030-07-01").tariff.products.at(0).price_cents == 99);
  CHECK(load_problems(layouts.root(), "2024-12-31") ==
        Lines{"file \"tariffs\": has no tariff valid on 2024-12-31 (the earliest starts on 2025-01-01)"});
}

TEST_CASE("two tariffs starting on the same day are rejected", "[profiles]") {
  ScratchLayouts layouts;
  layouts.write("tariffs/copy.toml",
                "name = \"copy\"\nvalid_from = 2025-01-01\ncurrency = \"EUR\"\n[[product]]\nname = \"x\"\n"
                "max_weight_g = 20\nmax_thickness_mm = 5\nmin_length_mm = 140\nmax_length_mm = 235\n"
                "min_width_mm = 90\nmax_width_mm = 125\nprice_cents = 1\n");
  CHECK(load_problems(layouts.root()) ==
        Lines{"file \"tariffs/deutsche-post-2025.toml\": field \"valid_from\": is 2025-01-01 as in "
              "tariffs/copy.toml; only one tariff may start on a day"});
}

TEST_CASE("a production date that is not a calendar date is rejected", "[profiles]") {
  CHECK(load_problems(kShipped, "2025-02-30") ==
        Lines{"field \"production_date\": \"2025-02-30\" is not a date (yyyy-mm-dd)"});
  CHECK(load_problems(kShipped, "1.1.2025") ==
        Lines{"field \"production_date\": \"1.1.2025\" is not a date (yyyy-mm-dd)"});
}

TEST_CASE("tariff products are checked field by field", "[profiles]") {
  ScratchLayouts layouts;
  const std::string file = "tariffs/deutsche-post-2025.toml";
  layouts.replace(file, "valid_from = 2025-01-01", "valid_from = \"2025-01-01\"");
  layouts.replace(file, "currency = \"EUR\"", "currency = \"euro\"");
  layouts.replace(file, "price_cents = 110", "price_cents = 90");
  layouts.replace(file, "min_width_mm = 70\nmax_width_mm = 250\nprice_cents = 180",
                  "min_width_mm = 300\nmax_width_mm = 250\nprice_cents = 180");
  layouts.replace(file, "name = \"Maxibrief\"\nmax_weight_g = 1000", "name = \"Maxibrief\"\nmax_weight = 1000");
  layouts.replace(file, "name = \"Maxibrief International\"\ndestination = \"international\"",
                  "name = \"Maxibrief International\"\ndestination = \"abroad\"");
  CHECK(load_problems(layouts.root()) ==
        Lines{"file \"tariffs/deutsche-post-2025.toml\": field \"valid_from\": expected a date such as 2025-01-01 "
              "(without quotes), got string",
              "file \"tariffs/deutsche-post-2025.toml\": field \"currency\": \"euro\" is not an ISO 4217 code such "
              "as \"EUR\"",
              "file \"tariffs/deutsche-post-2025.toml\": field \"product[1].price_cents\": is less than the price "
              "of the product before it; list products from cheapest to dearest",
              "file \"tariffs/deutsche-post-2025.toml\": field \"product[2].min_width_mm\": is greater than "
              "max_width_mm (250)",
              // One mistake, one message: the misspelt key, not also the one it misses.
              "file \"tariffs/deutsche-post-2025.toml\": field \"product[3].max_weight\": is not a known field "
              "(did you mean \"max_weight_g\"?)",
              "file \"tariffs/deutsche-post-2025.toml\": field \"product[7].destination\": \"abroad\" is neither "
              "\"domestic\" nor "
              "\"international\""});
}

TEST_CASE("papers and envelopes report unknown, missing and out of range keys", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace("papers.toml", "sheet_thickness_mm = 0.11", "sheet_thicknes_mm = 0.11");
  layouts.replace("envelopes.toml", "weight_g = 5.0\n", "");
  layouts.replace("envelopes.toml", "fold_layers = 1", "fold_layers = 0");
  layouts.replace("envelopes.toml", "window_bottom_mm = 60", "window_bottom_mm = 160");
  CHECK(load_problems(layouts.root()) ==
        Lines{"file \"papers.toml\": field \"a4-90.sheet_thicknes_mm\": is not a known field (did you mean "
              "\"sheet_thickness_mm\"?)",
              "file \"envelopes.toml\": field \"c4.fold_layers\": must be between 1 and 4, got 0",
              "file \"envelopes.toml\": field \"c5.window_height_mm\": the window (160 + 45 mm) is higher than the "
              "envelope (162 mm)",
              "file \"envelopes.toml\": field \"dl.weight_g\": is missing"});
}

TEST_CASE("missing and broken layout files are reported together", "[profiles]") {
  ScratchLayouts layouts;
  layouts.remove("papers.toml");
  layouts.write("envelopes.toml", "[dl\nformat = \"DL\"\n");
  layouts.write("inserters/README.md", "not a profile");
  for (const auto& entry : std::filesystem::directory_iterator(layouts.root() / "tariffs"))
    std::filesystem::remove(entry.path());
  const auto problems = load_problems(layouts.root());
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "file \"papers.toml\": is missing");
  CHECK_THAT(problems[1], Catch::StartsWith("file \"envelopes.toml\": is not valid TOML: ") &&
                              Catch::EndsWith("(line 1, column 4)"));
  CHECK(problems[2] == "file \"tariffs\": holds no *.toml files");
}

TEST_CASE("problems in several files come in one error of kind input", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace("papers.toml", "sheet_weight_g = 4.99", "sheet_weight_g = \"4.99\"");
  layouts.replace("inserters/pitney-bowes.toml", "parity = \"odd\"", "parity = \"uneven\"");
  layouts.replace("tariffs/deutsche-post-2025.toml", "currency = \"EUR\"\n", "");
  try {
    kuvert::load_profiles(layouts.root(), "2025-06-01");
    FAIL("load_profiles accepted broken layouts");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::input);
    REQUIRE(error.problems().size() == 3);
    CHECK(error.problems()[1].where.file == "inserters/pitney-bowes.toml");
    CHECK(error.problems()[1].where.field == "parity");
    CHECK(std::string(error.what()) ==
          "file \"papers.toml\": field \"a4-80.sheet_weight_g\": expected a number, got string\n"
          "file \"inserters/pitney-bowes.toml\": field \"parity\": \"uneven\" is not one of \"even\", \"odd\", "
          "\"none\"\n"
          "file \"tariffs/deutsche-post-2025.toml\": field \"currency\": is missing");
  }
}

#include "pipeline/profiles/load_notification_rules.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/temp_folder.hpp"

TEST_CASE("The shipped notification rules move Christmas notices past the holidays", "[profiles][posting]") {
  const auto rules = kuvert::load_notification_rules(kuvert::test::source_dir() / "layouts");
  const auto& musterstadt = rules.of("musterstadt");
  CHECK(musterstadt.days == 4);
  CHECK(musterstadt.next_working_day);
  CHECK(kuvert::iso_date_text(kuvert::notified_on(*kuvert::parse_iso_date("2026-12-21"), musterstadt)) == "2026-12-28");
  CHECK(kuvert::iso_date_text(kuvert::notified_on(*kuvert::parse_iso_date("2027-03-22"), musterstadt)) == "2027-03-30");
  // A client without rules: the law's text, a weekend kept.
  CHECK_FALSE(rules.of("anderswo").next_working_day);
}

TEST_CASE("Bad notification rules are refused with every problem named", "[profiles][posting]") {
  kuvert::test::TempFolder temp;
  std::filesystem::create_directories(temp.path() / "holidays");
  std::ofstream(temp.path() / "notification.toml")
      << "[a]\ndays = 40\nnext_working_day = \"yes\"\nholidays = \"../x\"\n"
         "[b]\ndays = 4\nnext_working_day = true\nholidays = \"berlin\"\n"
         "[c]\ndays = 4\nnext_working_day = true\nholidays = \"kaputt\"\n"
         "weekend = true\n";
  std::ofstream(temp.path() / "holidays/kaputt.toml")
      << "name = \"Kaputt\"\n[[holiday]]\ndate = \"2026-13-01\"\n[[holiday]]\ndate = 0000-01-01\nname = \"Jahr null\"\n";
  try {
    kuvert::load_notification_rules(temp.path());
    FAIL("accepted");
  } catch (const kuvert::Error& error) {
    CHECK(std::string(error.what()) ==
          "file \"notification.toml\": field \"a.days\": must be between 0 and 30, got 40\n"
          "file \"notification.toml\": field \"a.next_working_day\": expected true or false, got string\n"
          "file \"notification.toml\": field \"a.holidays\": expected the name of a file in holidays/ (a-z, 0-9, - "
          "and _)\n"
          "file \"holidays/berlin.toml\": is missing\n"
          "file \"holidays/kaputt.toml\": field \"holiday[0].date\": expected a date such as 2025-01-01 (without "
          "quotes), got string\n"
          "file \"holidays/kaputt.toml\": field \"holiday[0].name\": is missing\n"
          "file \"holidays/kaputt.toml\": field \"holiday[1].date\": expected a day from the years 0001 to 9999, got "
          "0000-01-01\n"
          "file \"notification.toml\": field \"c.weekend\": is not a known field");
  }
}

#include "stages/split/page_text.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/model/din5008.hpp"
#include "pipeline/model/error.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/temp_folder.hpp"

using kuvert::RectMm;
using kuvert::split::lines_in;
using kuvert::split::PrintFileText;
using nlohmann::json;

TEST_CASE("A print file's words are read with their places: an address field's lines, an info block's", "[split]") {
  kuvert::SampleRecordsOptions options;
  options.records = 6;
  options.foreign_share = 0;
  kuvert::test::KuvertJob job(options);
  kuvert::test::require_success(job.run(), "kuvert run");
  std::map<std::string, json> records;
  std::ifstream in(job.folder() / "records.jsonl");
  for (std::string line; std::getline(in, line);) {
    const auto record = json::parse(line);
    records[record["id"]] = record;
  }
  const auto pieces = kuvert::test::read_csv(kuvert::test::read_file(job.output() / "R0001.csv"));
  const PrintFileText text(job.output() / "R0001.pdf", "R0001.pdf");
  REQUIRE(text.pages() > 2);
  for (const auto& piece : pieces) {
    INFO(piece.at("documents"));
    const auto& record = records.at(piece.at("documents"));
    // Duplex: the piece's first sheet's front.
    const auto page = text.page(2 * std::stoi(piece.at("first_sheet")) - 1);
    namespace din = kuvert::din5008;
    const double field_y = din::geometry(kuvert::LetterForm::b).address_field_y;
    auto lines = lines_in(page, {din::kAddressFieldX, field_y + din::kReturnZoneHeight, din::kAddressFieldWidth,
                                 din::kRecipientZoneHeight});
    // The town's line last, the street's before it; the name's lines as
    // set, a long one wrapped in two ("Dr. Adelheid Freifrau von und zu" /
    // "Musterstein-Beispielsfelde").
    REQUIRE(lines.size() >= 3);
    CHECK(lines.back() ==
          record["recipient"]["postcode"].get<std::string>() + " " + record["recipient"]["city"].get<std::string>());
    CHECK(lines[lines.size() - 2] == record["recipient"]["street"]);
    // The name's words as the record has them, and as the page sets them.
    const auto words = [](const std::vector<std::string>& lines) {
      std::string text;
      for (const auto& line : lines) text += line + ' ';
      return text;
    };
    CHECK(words(std::vector<std::string>(lines.begin(), lines.end() - 2)) == words(record["recipient"]["name"]));
    const auto info = lines_in(page, {din::kInfoBlockX, field_y, din::kInfoBlockWidth, 30});
    CHECK(std::find(info.begin(), info.end(), "Kassenzeichen " + record["reference"].get<std::string>()) != info.end());
  }
}

TEST_CASE("A file that is no PDF, or a page that is not there, is refused with its name", "[split]") {
  kuvert::test::TempFolder temp;
  std::ofstream(temp.path() / "brief.pdf") << "kein PDF";
  CHECK_THROWS_WITH(PrintFileText(temp.path() / "brief.pdf", "brief.pdf"),
                    "file \"brief.pdf\": is not a PDF file that can be read");
}

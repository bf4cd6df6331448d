// The shipped print files without an index (samples/druckdateien/, made by
// tools/sample_print_file with our letter layouts) and their split
// profiles: each splits into the documents its generator indexed, and
// split and run in one go it gives mail pieces whose marks the simulated
// inserter reads and whose windows show their recipients.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/driver/split_job.hpp"
#include "pipeline/model/din5008.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/support/word_boxes.hpp"
#include "tools/sample_print_file/sample_print_file.hpp"

using namespace kuvert;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A shipped sample, the profile that splits it and the generator's options
// it was made with (its index is made again from them).
struct Sample {
  std::string file;
  std::string profile;
  SamplePrintFileOptions options;
  LetterForm form;
};

std::vector<Sample> samples() {
  SamplePrintFileOptions tax;
  tax.records = {.layout = "grundsteuer", .records = 40, .seed = 7, .foreign_share = 0.1, .long_share = 0.15};
  tax.file = "musterstadt-grundsteuer-2026.pdf";
  SamplePrintFileOptions salary;
  salary.records = {.layout = "bezuege", .records = 40, .seed = 7, .foreign_share = 0.05, .long_share = 0.2};
  salary.file = "nachbarstadt-bezuege-2026-11.pdf";
  for (auto* options : {&tax, &salary}) {
    options->layouts = test::source_dir() / "layouts";
    options->fonts = test::source_dir() / "fonts";
  }
  return {{tax.file, "musterstadt-grundsteuer", tax, LetterForm::b},
          {salary.file, "nachbarstadt-bezuege", salary, LetterForm::a}};
}

fs::path shipped(const Sample& sample) { return test::source_dir() / "samples" / "druckdateien" / sample.file; }

// The generator's index of the sample, made again.
json index_of(const Sample& sample, const fs::path& folder) {
  write_sample_print_file(folder, sample.options);
  return json::parse(std::ifstream(folder / "job.json"));
}

std::string words(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += (text.empty() ? "" : " ") + line;
  return text;
}

// The address as the window shows it: name lines, street, postcode and
// town, the country's name abroad; as words, since a name too long for the
// field is set on two lines.
std::string address_words(const json& recipient) {
  static const auto countries = load_country_names(test::source_dir() / "layouts");
  auto lines = recipient["name"].get<std::vector<std::string>>();
  lines.push_back(recipient["street"]);
  const std::string postcode = recipient["postcode"];
  lines.push_back(postcode.empty() ? recipient["city"].get<std::string>()
                                   : postcode + " " + recipient["city"].get<std::string>());
  if (recipient["country"] != "DE") lines.push_back(countries.at(recipient["country"]));
  return words(lines);
}

}  // namespace

TEST_CASE("The shipped print files without an index split into the documents their generator indexed", "[split][e2e]") {
  for (const auto& sample : samples()) {
    INFO(sample.file << " (if the layout changed: make the sample again with tools/sample_print_file, options as "
                        "here)");
    test::TempFolder temp;
    const json index = index_of(sample, temp.path() / "index");
    split_print_file({shipped(sample), sample.profile, temp.path() / "split", test::source_dir() / "layouts"});
    const json split = json::parse(std::ifstream(temp.path() / "split" / "job.json"));
    // The job's own keys as the application writes them, the form too.
    for (const auto& [key, value] : index.items())
      if (key != "documents") CHECK(split[key] == value);
    REQUIRE(split["documents"].size() == index["documents"].size());
    std::size_t abroad = 0, several_pages = 0;
    for (std::size_t i = 0; i < index["documents"].size(); ++i) {
      const json& expected = index["documents"][i];
      const json& found = split["documents"][i];
      INFO(expected.dump());
      CHECK(found["id"] == expected["id"]);
      CHECK(found["pages"] == expected["pages"]);
      for (const char* key : {"street", "postcode", "city", "country"})
        CHECK(found["recipient"][key] == expected["recipient"][key]);
      // A wrapped name is one line where the layout indents its
      // continuation (bezuege), two where it does not: the same words.
      if (sample.form == LetterForm::a) CHECK(found["recipient"]["name"] == expected["recipient"]["name"]);
      CHECK(address_words(found["recipient"]) == address_words(expected["recipient"]));
      abroad += expected["recipient"]["country"] == "DE" ? 0 : 1;
      const std::string pages = expected["pages"];
      several_pages += pages.substr(0, pages.find('-')) != pages.substr(pages.find('-') + 1) ? 1 : 0;
    }
    CHECK(abroad >= 1);
    CHECK(several_pages >= 3);
  }
}

TEST_CASE(
    "A shipped print file split and run gives pieces whose marks the inserter reads and whose window shows "
    "the recipient",
    "[split][e2e]") {
  for (const auto& sample : samples()) {
    INFO(sample.file);
    test::TempFolder temp;
    const json index = index_of(sample, temp.path() / "index");
    std::map<std::string, json> recipients;
    for (const auto& document : index["documents"]) recipients[document["id"]] = document["recipient"];

    const fs::path out = temp.path() / "out";
    test::require_success(test::kuvert_cli({"run", shipped(sample).string(), "--split", sample.profile, "-o",
                                            out.string(), "--date", "2026-11-23", "--deterministic"}),
                          "kuvert run --split");
    const auto pieces = test::read_csv(test::read_file(out / "R0001.csv"));
    REQUIRE(pieces.size() == index["documents"].size());

    // The simulated inserter reads every piece's marks off the sheets.
    const auto inserted =
        test::run_process({KUVERT_INSERTER_SIM, (out / "R0001.pdf").string(), "--profile", "generic-omr", "--layouts",
                           (test::source_dir() / "layouts").string(), "-o", (temp.path() / "results.csv").string(),
                           "--start", "2026-11-23T08:00:00Z"});
    INFO(inserted.err);
    REQUIRE(inserted.exit_code == 0);
    const auto results = test::read_csv(test::read_file(temp.path() / "results.csv"));
    REQUIRE(results.size() == pieces.size());
    for (const auto& row : results) CHECK(row.at("status") == "ok");

    // The words on each piece's first page (duplex: the sheet's front) in
    // the form's recipient zone (by their middles: a first line's capitals
    // reach a little above it) are its recipient's address.
    namespace din = din5008;
    const double top = din::geometry(sample.form).address_field_y + din::kReturnZoneHeight;
    std::map<int, std::string> zone;
    for (const auto& word : test::word_boxes(out / "R0001.pdf"))
      if (const double middle = (word.y + word.bottom) / 2;
          word.x >= din::kAddressFieldX && word.right <= din::kAddressFieldX + din::kAddressFieldWidth &&
          middle >= top && middle <= top + din::kRecipientZoneHeight)
        zone[word.page] += (zone[word.page].empty() ? "" : " ") + word.text;
    for (const auto& piece : pieces) {
      INFO(piece.at("documents"));
      CHECK(zone[2 * std::stoi(piece.at("first_sheet")) - 1] == address_words(recipients.at(piece.at("documents"))));
    }
  }
}

TEST_CASE("A print file's letters of form A are checked against form A's window, as job.json says", "[split][e2e]") {
  const auto salary = samples()[1];
  test::TempFolder temp;
  const json index = index_of(salary, temp.path() / "job");
  CHECK(index["form"] == "A");
  const auto run = [&](const std::string& out) {
    return test::kuvert_cli(
        {"run", (temp.path() / "job").string(), "-o", (temp.path() / out).string(), "--date", "2026-11-23"});
  };
  test::require_success(run("a"), "kuvert run on form A's letters");
  // Without "form", the letters are taken for form B's, whose window
  // shows none of their addresses.
  json manifest = index;
  manifest.erase("form");
  std::ofstream(temp.path() / "job" / "job.json") << manifest.dump(2);
  const auto refused = run("b");
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("is not inside what the window of envelope \"c6-5\" shows") != std::string::npos);
  manifest["form"] = "C";
  std::ofstream(temp.path() / "job" / "job.json") << manifest.dump(2);
  CHECK(run("c").err.find("field \"form\"") != std::string::npos);
}

TEST_CASE("kuvert split --proof shows on each document's first page the regions read and what was found",
          "[split][e2e]") {
  test::TempFolder temp;
  const auto split = [&](const std::string& file, const std::string& profile, const std::string& out) {
    return test::kuvert_cli({"split", (test::source_dir() / "samples" / "druckdateien" / file).string(), "--profile",
                             profile, "-o", (temp.path() / out).string(), "--proof",
                             (temp.path() / (out + ".pdf")).string()});
  };
  test::require_success(split("nachbarstadt-bezuege-2026-11.pdf", "nachbarstadt-bezuege", "bezuege"),
                        "kuvert split --proof");
  const auto pages = test::page_texts(temp.path() / "bezuege.pdf");
  REQUIRE(pages.size() == 40);  // a page a statement, its first
  CHECK(pages[0].find("belegnummer = BZ-2026-11-000001 (changed: started it)") != std::string::npos);
  CHECK(pages[0].find("personalnummer = P-000001") != std::string::npos);
  CHECK(pages[0].find("Frau | Karl Exempel | Am Markt 29 | 20095 Hamburg") != std::string::npos);
  CHECK(pages[0].find("page counter") != std::string::npos);
  CHECK(pages[0].find("Bezügemitteilung für November 2026") != std::string::npos);  // the page itself beneath
  // The zones lie on a layer that printing leaves out.
  const std::string pdf = test::read_file(temp.path() / "bezuege.pdf");
  CHECK(pdf.find("/Print << /PrintState /OFF >>") != std::string::npos);

  // A profile that does not fit: no job folder, but a proof of why.
  const auto refused = split("musterstadt-grundsteuer-2026.pdf", "nachbarstadt-bezuege", "falsch");
  CHECK(refused.exit_code != 0);
  CHECK_FALSE(fs::exists(temp.path() / "falsch"));
  const auto why = test::page_texts(temp.path() / "falsch.pdf");
  REQUIRE(why.size() == 1);
  CHECK(why[0].find("by \"nachbarstadt-bezuege\" finds these") != std::string::npos);
  CHECK(why[0].find("is it the profile for this file?") != std::string::npos);
  // Never over a file, and nothing written then.
  std::ofstream(temp.path() / "neu.pdf") << "mine";
  const auto kept = split("nachbarstadt-bezuege-2026-11.pdf", "nachbarstadt-bezuege", "neu");
  CHECK(kept.exit_code != 0);
  CHECK(kept.err.find("exists already") != std::string::npos);
  CHECK(test::read_file(temp.path() / "neu.pdf") == "mine");
  CHECK_FALSE(fs::exists(temp.path() / "neu"));
}

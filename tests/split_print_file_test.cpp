// A print file without its index split by its pages' own text: the split
// of a generated print file gives back the job.json it was generated
// with, document by document, recipient line by line.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <variant>

#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/document_split.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/scratch_layouts.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_job/sample_job.hpp"

using namespace kuvert;
using nlohmann::json;
namespace fs = std::filesystem;

TEST_CASE("A generated print file split by its own text gives back the index it was made with", "[split][e2e]") {
  test::TempFolder temp;
  SampleJobOptions options;
  options.documents = 80;  // 1 to 5 pages each, some abroad, some to one recipient
  options.foreign_share = 0.15;
  options.seed = 11;
  write_sample_job(temp.path() / "job", options);
  const auto index = json::parse(std::ifstream(temp.path() / "job" / "job.json"))["documents"];
  const split::AddressReader addresses(split::AddressConventions{load_country_names(test::source_dir() / "layouts"),
                                                                 load_postcode_forms(test::source_dir() / "layouts")});

  // The sample print files' own marks: "Seite 2 von 3" at the foot, the
  // Kassenzeichen in the information block, the address in form B's field.
  const auto profile = load_split_profile(test::source_dir() / "layouts", "musterstadt-abgaben");
  split::DocumentSplitter splitter(profile, addresses, "spool.pdf");
  split::PrintFileText text(temp.path() / "job" / "spool.pdf", "spool.pdf");
  for (std::uint32_t page = 1; page <= text.pages(); ++page) splitter.add(text.page(page));
  const auto outcome = std::move(splitter).finish();
  CHECK(outcome.problems.empty());
  REQUIRE(outcome.documents.size() == index.size());
  std::size_t abroad = 0;
  for (std::size_t i = 0; i < index.size(); ++i) {
    const auto& document = outcome.documents[i];
    INFO(index[i].dump());
    CHECK(document.fields.at("kassenzeichen") == index[i]["id"]);
    CHECK(std::to_string(document.first_page) + "-" + std::to_string(document.first_page + document.pages - 1) ==
          index[i]["pages"]);
    REQUIRE(document.recipient);
    const auto& found = *document.recipient;
    CHECK(found.name == index[i]["recipient"]["name"].get<std::vector<std::string>>());
    CHECK(found.street == index[i]["recipient"]["street"]);
    CHECK(found.postcode == index[i]["recipient"]["postcode"]);
    CHECK(found.city == index[i]["recipient"]["city"]);
    CHECK(found.country == index[i]["recipient"]["country"]);
    abroad += found.domestic() ? 0 : 1;
  }
  CHECK(abroad > 3);
}

TEST_CASE("Address lines are taken apart as DIN 5008 sets them, at home and abroad", "[split]") {
  const split::AddressReader countries(split::AddressConventions{
      {{"AT", "ÖSTERREICH"}, {"FR", "FRANKREICH"}, {"NL", "NIEDERLANDE"}}, {{"NL", "\\d{4} [A-Z]{2}"}}});
  const auto at_home = std::get<Recipient>(
      countries.recipient({"Frau", "Dr. Erika Muster", "c/o Beispiel GmbH", "Hauptstr. 1", "06108 Halle (Saale)"}));
  CHECK(at_home.name == std::vector<std::string>{"Frau", "Dr. Erika Muster", "c/o Beispiel GmbH"});
  CHECK(at_home.street == "Hauptstr. 1");
  CHECK(at_home.postcode == "06108");
  CHECK(at_home.city == "Halle (Saale)");
  CHECK(at_home.country == "DE");
  const auto abroad = std::get<Recipient>(
      countries.recipient({"Herrn", "Jean Exemple", "12 rue de la Paix", "75002 PARIS", "FRANKREICH"}));
  CHECK(abroad.country == "FR");
  CHECK(abroad.postcode == "75002");
  CHECK(abroad.city == "PARIS");
  // A postcode of two words, as the country writes it.
  const auto dutch = std::get<Recipient>(
      countries.recipient({"Frau", "Sophie Schablone", "Rosenstraße 62", "1012 AB AMSTERDAM", "NIEDERLANDE"}));
  CHECK(dutch.postcode == "1012 AB");
  CHECK(dutch.city == "AMSTERDAM");
  CHECK(std::get<std::string>(countries.recipient({"Herrn", "Max Muster", "Hauptstr. 1", "Halle"})) ==
        "the town line \"Halle\" does not begin with a five-digit postcode");
  CHECK(std::get<std::string>(countries.recipient({"Max Muster", "06108 Halle"})) ==
        "the address has 2 lines besides a country; a name, a street and a town are needed");
}

TEST_CASE("kuvert split writes the job folder a specialist application would have, and kuvert run takes it",
          "[split][e2e]") {
  test::TempFolder temp;
  SampleJobOptions options;
  options.documents = 40;
  options.insert_share = 0;  // inserts are the application's to say, not the page's
  options.seed = 3;
  write_sample_job(temp.path() / "original", options);
  const fs::path print_file = temp.path() / "abgaben-2026.pdf";
  fs::copy_file(temp.path() / "original" / "spool.pdf", print_file);

  const auto split = test::kuvert_cli(
      {"split", print_file.string(), "--profile", "musterstadt-abgaben", "-o", (temp.path() / "job").string()});
  INFO(split.err);
  REQUIRE(split.exit_code == 0);
  CHECK(split.out.find("abgaben-2026.pdf: ") == 0);
  CHECK(split.out.find("40 documents") != std::string::npos);
  const auto original = json::parse(std::ifstream(temp.path() / "original" / "job.json"));
  const auto written = json::parse(std::ifstream(temp.path() / "job" / "job.json"));
  CHECK(written["documents"] == original["documents"]);
  CHECK(written["print_file"] == "abgaben-2026.pdf");
  CHECK(written["client"] == "musterstadt");
  // A copy: an application writing its next file under the same name
  // leaves this job's pages as they were.
  CHECK(test::read_file(temp.path() / "job" / "abgaben-2026.pdf") == test::read_file(print_file));
  CHECK(fs::hard_link_count(print_file) == 1);
  const auto found = test::read_csv(test::read_file(temp.path() / "job" / "split.csv"));
  REQUIRE(found.size() == 40);
  CHECK(found[0].at("rule") == "page counter");
  CHECK(found[0].at("kassenzeichen") == original["documents"][0]["id"]);

  // The same runs as from the application's own index.
  const auto run = [&](const std::string& job, const std::string& out) {
    return test::kuvert_cli({"run", (temp.path() / job).string(), "-o", (temp.path() / out).string(), "--date",
                             "2026-11-22", "--deterministic"});
  };
  test::require_success(run("job", "from-split"), "kuvert run on the split");
  test::require_success(run("original", "from-index"), "kuvert run on the index");
  // And kuvert run on the print file itself, split on the way.
  test::require_success(
      test::kuvert_cli({"run", print_file.string(), "--split", "musterstadt-abgaben", "-o",
                        (temp.path() / "direct").string(), "--date", "2026-11-22", "--deterministic"}),
      "kuvert run --split");
  CHECK(json::parse(std::ifstream(temp.path() / "direct" / "split" / "job.json"))["documents"] ==
        original["documents"]);
  const auto from_index = test::read_csv(test::read_file(temp.path() / "from-index" / "R0001.csv"));
  for (const char* out : {"from-split", "direct"}) {
    INFO(out);
    const auto from_split = test::read_csv(test::read_file(temp.path() / out / "R0001.csv"));
    REQUIRE(from_split.size() == from_index.size());
    for (std::size_t i = 0; i < from_split.size(); ++i)
      for (const char* column : {"documents", "recipient", "first_sheet", "sheets", "product"})
        CHECK(from_split[i].at(column) == from_index[i].at(column));
  }
}

TEST_CASE("kuvert split refuses what it cannot split and writes nothing", "[split][e2e]") {
  test::TempFolder temp;
  std::ofstream(temp.path() / "kaputt.pdf") << "%PDF-1.4 kein PDF";
  const fs::path job = temp.path() / "job";
  auto refused = test::kuvert_cli(
      {"split", (temp.path() / "kaputt.pdf").string(), "--profile", "musterstadt-abgaben", "-o", job.string()});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err == "kuvert: file \"kaputt.pdf\": is truncated (no end-of-file marker)\n");
  CHECK_FALSE(fs::exists(job));
  refused = test::kuvert_cli({"run", (temp.path() / "kaputt.pdf").string(), "-o", job.string()});
  CHECK(refused.err ==
        "kuvert: field \"job\": kaputt.pdf is a print file without its job.json: give the job folder, or "
        "split it with --split PROFILE\n");
  refused = test::kuvert_cli(
      {"run", (temp.path() / "kaputt.pdf").string(), "--split", "musterstadt-abgaben", "-o", job.string()});
  CHECK(refused.err == "kuvert: file \"kaputt.pdf\": is truncated (no end-of-file marker)\n");
  CHECK_FALSE(fs::exists(job));
  refused =
      test::kuvert_cli({"split", (temp.path() / "kaputt.pdf").string(), "--profile", "gibtsnicht", "-o", job.string()});
  CHECK(refused.err.find("splits/gibtsnicht.toml") != std::string::npos);
  // A print file whose pages say nothing the profile reads: every page named.
  SampleJobOptions options;
  options.documents = 2;
  options.fixed_pages = 1;
  write_sample_job(temp.path() / "original", options);
  test::ScratchLayouts layouts;
  layouts.write("splits/fremd.toml", R"toml(id = "kz"
[[start]]
rule = "text"
text = "Gebührenbescheid"
region = { x = 20, y = 95, width = 170, height = 20 }
[recipient]
form = "B"
[[field]]
name = "kz"
pattern = 'Kassenzeichen: (\S+)'
region = { x = 120, y = 40, width = 90, height = 30 }
[job]
client = "musterstadt"
)toml");
  refused = test::kuvert_cli({"split", (temp.path() / "original" / "spool.pdf").string(), "--profile", "fremd", "-o",
                              job.string(), "--layouts", layouts.root().string()});
  CHECK(refused.err ==
        "kuvert: file \"spool.pdf\": no rule of split profile \"fremd\" starts a document on any of the file's 2 "
        "pages: is it the profile for this file?\n");
  CHECK_FALSE(fs::exists(job));
}

TEST_CASE("A profile that skips bad documents lets the good ones go on and lists the others with their pages",
          "[split][e2e]") {
  test::TempFolder temp;
  SampleJobOptions options;
  options.documents = 12;
  options.insert_share = 0;
  write_sample_job(temp.path() / "original", options);
  const auto original = json::parse(std::ifstream(temp.path() / "original" / "job.json"))["documents"];
  // Only Kassenzeichen ending in an odd digit are read: the others lack their required id.
  test::ScratchLayouts layouts;
  std::string profile = layouts.read("splits/musterstadt-abgaben.toml");
  const std::string pattern = "pattern = \"Kassenzeichen: (\\\\S+)\"";
  REQUIRE(profile.find(pattern) != std::string::npos);
  profile.replace(profile.find(pattern), pattern.size(), "pattern = 'Kassenzeichen: (K-[-\\d]*[13579])\\b'");
  layouts.write("splits/ungerade.toml", "on_bad_document = \"skip\"\n" + profile);
  const fs::path job = temp.path() / "job";
  const auto split = test::kuvert_cli({"split", (temp.path() / "original" / "spool.pdf").string(), "--profile",
                                       "ungerade", "-o", job.string(), "--layouts", layouts.root().string()});
  INFO(split.err);
  REQUIRE(split.exit_code == 0);
  CHECK(split.out.find("6 documents, 6 bad documents left out (exceptions.csv)") != std::string::npos);
  const auto written = json::parse(std::ifstream(job / "job.json"))["documents"];
  const auto exceptions = test::read_csv(test::read_file(job / "exceptions.csv"));
  REQUIRE(written.size() == 6);
  REQUIRE(exceptions.size() == 6);
  // The good documents' pages in a file of their own, numbered there; the
  // delivered file beside it, whose pages exceptions.csv counts.
  const auto page_count = [](const json& document) {
    const std::string pages = document["pages"];
    return std::stoi(pages.substr(pages.find('-') + 1)) - std::stoi(pages) + 1;
  };
  std::size_t w = 0, e = 0;
  int next = 1;
  std::vector<std::string> kept_pages;
  const auto delivered = test::page_texts(temp.path() / "original" / "spool.pdf");
  for (const auto& document : original) {
    const std::string id = document["id"];
    if ((id.back() - '0') % 2 == 1) {
      json expected = document;
      expected["pages"] = std::to_string(next) + "-" + std::to_string(next + page_count(document) - 1);
      next += page_count(document);
      CHECK(written.at(w++) == expected);
      const std::string pages = document["pages"];
      for (int p = std::stoi(pages); p < std::stoi(pages) + page_count(document); ++p)
        kept_pages.push_back(delivered.at(p - 1));
    } else {
      CHECK(exceptions.at(e).at("pages") == document["pages"]);
      CHECK(exceptions.at(e).at("field") == "kassenzeichen");
      CHECK(exceptions.at(e++).at("problem") == "has no kassenzeichen where the profile reads it");
    }
  }
  CHECK(json::parse(std::ifstream(job / "job.json"))["print_file"] == "spool.split.pdf");
  CHECK(test::page_texts(job / "spool.split.pdf") == kept_pages);
  CHECK(fs::exists(job / "spool.pdf"));
  // kuvert run takes it: every page of its print file belongs to a document.
  test::require_success(test::kuvert_cli({"run", job.string(), "-o", (temp.path() / "out").string(), "--layouts",
                                          layouts.root().string()}),
                        "kuvert run on a split that left documents out");
}

// Data jobs through `kuvert run`: records composed with the shipped layouts,
// planned and imposed; every letter read back from the run files with
// poppler (its texts, its recipient in the address field, its fonts), the
// sensitive salary statements kept apart, bad records refused or listed.
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/model/job_summary.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/edited_layouts.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/source_pdf_files.hpp"
#include "tests/support/word_boxes.hpp"

namespace kuvert {
namespace {

using nlohmann::json;
using test::KuvertJob;
using test::read_file;

std::vector<json> records_of(const KuvertJob& job) {
  std::vector<json> records;
  std::ifstream in(job.folder() / "records.jsonl");
  for (std::string line; std::getline(in, line);) records.push_back(json::parse(line));
  return records;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string money_text(double euros) {
  // The layout's format, built independently of kuvert: 1.234,56 €
  const auto cents = static_cast<long long>(euros * 100 + (euros < 0 ? -0.5 : 0.5));
  const long long whole = (cents < 0 ? -cents : cents) / 100;
  const std::string plain = std::to_string(whole);
  std::string digits;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) digits += '.';
    digits += plain[i];
  }
  char rest[8];
  std::snprintf(rest, sizeof rest, ",%02lld", (cents < 0 ? -cents : cents) % 100);
  std::string text = cents < 0 ? "-" : "";
  text += digits;
  text += rest;
  return text += " €";  // pdftotext gives the no-break space as a space
}

TEST_CASE("a property-tax data job comes out as letters that read back record by record", "[data]") {
  SampleRecordsOptions options;
  options.records = 24;
  options.long_address_share = 0.3;
  options.foreign_share = 0.15;
  KuvertJob job(options);
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto summary = json::parse(read_file(job.output() / "summary.json"));
  CHECK(json(summary.get<kuvert::JobSummary>()) == summary);  // the typed result holds the whole file
  CHECK(summary["documents"] == 24);
  CHECK(summary["rejected_records"] == 0);
  CHECK_FALSE(std::filesystem::exists(job.output() / "exceptions.csv"));
  CHECK_FALSE(std::filesystem::exists(job.output() / ".composed-letters.pdf"));  // the spool is not an output

  std::map<std::string, json> by_id;
  for (const auto& record : records_of(job)) by_id[record["id"]] = record;
  std::size_t letters = 0;
  for (const auto& run : summary["runs"]) {
    const std::string id = run["run"];
    const auto pdf = job.output() / (id + ".pdf");
    const auto pages = test::page_texts(pdf);
    const auto fonts = test::run_process({"pdffonts", pdf.string()});
    CHECK(contains(fonts.out, "+LiberationSans "));
    CHECK_FALSE(contains(fonts.out, " no "));  // every font embedded, subset, with ToUnicode
    for (const auto& piece : test::read_csv(read_file(job.output() / (id + ".csv")))) {
      const json& record = by_id.at(piece.at("documents"));
      const int front = 2 * std::stoi(piece.at("first_sheet")) - 1;  // duplex: fronts and backs interleaved
      INFO(piece.at("documents") << " on page " << front);
      const std::string& text = pages.at(static_cast<std::size_t>(front - 1));
      CHECK(contains(text, record["reference"].get<std::string>()));
      CHECK(contains(text, record["id"].get<std::string>()));
      CHECK(contains(text, money_text(record["total"].get<double>())));
      for (const auto& item : record["items"]) CHECK(contains(text, money_text(item["amount"].get<double>())));
      // The recipient's last line is inside the recipient zone of form B's
      // address field (x 20 mm, y 62.7 mm, 85 x 27.3 mm).
      const std::string zone = test::text_in_area(pdf, front, 20, 62.7, 85, 27.3);
      const auto& recipient = record["recipient"];
      CHECK(contains(zone, recipient["street"].get<std::string>()));
      if (recipient["country"] == "DE") {
        std::string town = recipient["postcode"].get<std::string>();
        town += ' ';
        town += recipient["city"].get<std::string>();
        CHECK(contains(zone, town));
      }
      ++letters;
    }
  }
  CHECK(letters == 24);
}

TEST_CASE("the dog-tax sample job comes out with a row per dog and each recipient's salutation", "[data]") {
  test::TempFolder folder;
  const auto job = test::source_dir() / "samples" / "musterstadt-hundesteuer-daten";
  const auto result = test::run_process({KUVERT_BINARY, "run", job.string(), "-o", (folder.path() / "out").string(),
                                         "--date", "2027-01-15", "--deterministic"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::map<std::string, std::string> salutations = {
      {"HS-2027-000001", "Sehr geehrte Frau Mustermann,"},
      {"HS-2027-000002", "Sehr geehrter Herr Dr. Öztürk,"},
      {"HS-2027-000003", "Sehr geehrte Frau Weber, sehr geehrter Herr Weber,"},
      {"HS-2027-000004", "Sehr geehrte Damen und Herren,"},
      {"HS-2027-000005", "Sehr geehrte Frau Dr. Freifrau von und zu Musterstein-Beispielsfelde,"},
      {"HS-2027-000006", "Sehr geehrter Herr van der Berg,"}};
  std::map<std::string, json> records;
  {
    std::ifstream in(job / "records.jsonl");
    for (std::string line; std::getline(in, line);) {
      const json record = json::parse(line);
      records[record["id"]] = record;
    }
  }
  REQUIRE(records.size() == salutations.size());
  const auto pdf = folder.path() / "out" / "R0001.pdf";
  std::size_t letters = 0;
  for (const auto& page : test::page_texts(pdf)) {
    for (const auto& [id, record] : records) {
      if (!contains(page, "Bescheid-Nr.") || !contains(page, id)) continue;
      INFO(id << ":\n" << page);
      CHECK(contains(page, "\n" + salutations.at(id) + "\n"));
      for (const auto& dog : record["dogs"]) {
        CHECK(contains(page, dog["name"].get<std::string>() + " ("));
        CHECK(contains(page, money_text(dog["amount"].get<double>())));
      }
      CHECK(contains(page, money_text(record["total"].get<double>())));
      ++letters;
    }
  }
  CHECK(letters == records.size());
}

TEST_CASE("salary statements are sensitive: flagged and never consolidated", "[data]") {
  SampleRecordsOptions options;
  options.layout = "bezuege";
  options.records = 4;
  options.long_address_share = 0;
  options.foreign_share = 0;
  KuvertJob job(options);
  job.edit_records([](std::vector<std::string>& lines) {
    auto first = json::parse(lines[0]);
    auto second = json::parse(lines[1]);
    second["recipient"] = first["recipient"];  // two statements to one person
    lines[1] = second.dump();
  });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto pieces = test::read_csv(read_file(job.output() / "R0001.csv"));
  CHECK(pieces.size() == 4);
  for (const auto& piece : pieces) {
    CHECK(piece.at("sensitive") == "yes");
    CHECK(piece.at("documents").find(' ') == std::string::npos);  // one document each
  }
  CHECK(json::parse(read_file(job.output() / "R0001.json"))["counts"]["sensitive_documents"] == 4);
}

TEST_CASE("with on_bad_record skip the good records are produced and the bad ones listed", "[data]") {
  SampleRecordsOptions options;
  options.records = 5;
  options.skip_bad_records = true;
  KuvertJob job(options);
  job.edit_records([](std::vector<std::string>& lines) {
    auto record = json::parse(lines[1]);
    record["total"] = "12,50";
    lines[1] = record.dump();
    lines[3] = "{not json";
  });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto summary = json::parse(read_file(job.output() / "summary.json"));
  CHECK(json(summary.get<kuvert::JobSummary>()) == summary);
  CHECK(summary["documents"] == 3);
  CHECK(summary["rejected_records"] == 2);
  CHECK(summary["exceptions"] == "exceptions.csv");
  const auto rows = test::read_csv(read_file(job.output() / "exceptions.csv"));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].at("record") == "line 2");
  CHECK(rows[0].at("id") == "GS-2026-000002");
  CHECK(rows[0].at("field") == "total");
  CHECK(rows[1].at("record") == "line 4");
  CHECK(contains(rows[1].at("problem"), "not valid JSON"));
}

TEST_CASE("a client's PDF logo is drawn from its first page, compressed content included", "[data]") {
  SampleRecordsOptions options;
  options.records = 2;
  KuvertJob job(options);
  const auto layouts = job.folder().parent_path() / "layouts";
  std::filesystem::copy(test::source_dir() / "layouts", layouts, std::filesystem::copy_options::recursive);
  // A 100 x 50 pt logo: a dark bar over its lower half, its content deflated.
  std::ofstream(layouts / "logos" / "wappen.pdf", std::ios::binary) << test::classic_pdf(
      {{1, "<< /Type /Catalog /Pages 2 0 R >>"},
       {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
       {3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 50] /Contents 4 0 R /Resources << >> >>"},
       {4, kuvert::flate_stream("", "0 0 0.4 rg 0 0 100 25 re f")}});
  std::string clients = read_file(layouts / "clients.toml");
  clients.replace(clients.find("logos/musterstadt.png"), 21, "logos/wappen.pdf");
  std::ofstream(layouts / "clients.toml", std::ios::trunc) << clients;
  const auto result =
      test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(), "--layouts",
                         layouts.string(), "--fonts", (test::source_dir() / "fonts").string(), "--date", "2026-11-22"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // Form B: the logo 35 mm wide (2:1) at the right edge of the text, 10 mm
  // from the top: x 155-190, y 10-27.5 mm, dark in its lower half only.
  const auto page = test::render_pages(job.output() / "R0001.pdf", 100).at(0);
  CHECK(page.grey_at_mm(172, 24) < 128);
  CHECK(page.grey_at_mm(172, 13) > 240);
  CHECK_FALSE(page.any_dark_mm(150, 10, 4, 17));
}

TEST_CASE("letters keep the inserter's clear zone free: the logo moves out of the DataMatrix code's way", "[data]") {
  SampleRecordsOptions options;
  options.records = 2;
  KuvertJob job(options);
  job.edit_manifest([](json& manifest) { manifest["defaults"]["inserter"] = "datamatrix"; });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // The datamatrix profile's clear zone: x 180-198, y 6-24 mm. The 25 mm
  // logo now ends 2 mm before it: x 153-178 mm.
  const auto page = test::render_pages(job.output() / "R0001.pdf", 100).at(0);
  CHECK(page.any_dark_mm(154, 10, 23, 24));
  CHECK(page.grey_at_mm(158, 16) < 128);  // the shield, not cut
}

TEST_CASE("a CSV data job for a layout without lists comes out with its quoted addresses", "[data]") {
  SampleRecordsOptions options;
  options.records = 1;
  KuvertJob job(options);
  std::ofstream(job.folder() / "records.csv", std::ios::binary)
      << "\xEF\xBB\xBFid,reference,date,due_date,amount,recipient.name,recipient.street,recipient.postcode,recipient."
         "city\r\n"
         "ZE-1,K-2026-000001,2026-11-22,2026-10-15,123.45,\"Frau\r\nErika Mustermann\",Hauptstraße "
         "5,39104,Magdeburg\r\n"
         "ZE-2,K-2026-000002,2026-11-22,2026-10-31,1234.5,\"Beispiel GmbH, Abteilung \"\"Liegenschaften\"\"\",Ring "
         "1,10115,Berlin\r\n";
  job.edit_manifest([](json& manifest) {
    manifest["layout"] = "erinnerung";
    manifest["records"] = "records.csv";
  });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto pdf = job.output() / "R0001.pdf";
  const auto pieces = test::read_csv(read_file(job.output() / "R0001.csv"));
  REQUIRE(pieces.size() == 2);
  for (const auto& piece : pieces) {
    const int front = 2 * std::stoi(piece.at("first_sheet")) - 1;
    const std::string text = test::page_texts(pdf).at(static_cast<std::size_t>(front - 1));
    const std::string zone = test::text_in_area(pdf, front, 20, 62.7, 85, 27.3);
    if (piece.at("documents") == "ZE-1") {
      CHECK(contains(text, "123,45 €"));
      CHECK(contains(text, "15.10.2026"));
      CHECK(contains(zone, "Erika Mustermann"));
      CHECK(contains(zone, "39104 Magdeburg"));
    } else {
      CHECK(contains(text, "1.234,50 €"));
      // Wrapped where the C6/5 window ends: a line ends before 88 mm.
      std::string flowing;
      for (const char c : zone)
        if (!std::isspace(static_cast<unsigned char>(c)))
          flowing += c;
        else if (!flowing.empty() && flowing.back() != ' ')
          flowing += ' ';
      CHECK(contains(flowing, "Beispiel GmbH, Abteilung \"Liegenschaften\""));
    }
  }
}

// Runs the job, expecting it refused (exit 1, no output) with `message`.
void expect_refused(const KuvertJob& job, const std::string& message, const std::vector<std::string>& extra = {}) {
  const auto result = job.run(extra);
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, message));
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

KuvertJob small_job() {
  SampleRecordsOptions options;
  options.records = 3;
  options.long_address_share = 0;
  return KuvertJob(options);
}

// `kuvert run` on `job` with a copy of the shipped layouts whose
// grundsteuer.toml `change` has edited.
test::ProcessResult run_with_layout(const KuvertJob& job, const std::function<void(std::string&)>& change) {
  const auto layouts = test::edited_layouts(job.folder().parent_path(), "letters/grundsteuer.toml", change);
  return test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(), "--layouts",
                            layouts.string(), "--fonts", (test::source_dir() / "fonts").string(), "--date",
                            "2026-11-22"});
}

// Line `index` of the records, changed by `change`.
void edit_record(KuvertJob& job, std::size_t index, const std::function<void(json&)>& change) {
  job.edit_records([&](std::vector<std::string>& lines) {
    auto record = json::parse(lines.at(index));
    change(record);
    lines[index] = record.dump();
  });
}

const std::string kJob = "kuvert: job \"musterstadt-grundsteuer-2026\": ";

TEST_CASE("data job: a record that is not JSON is refused", "[data][input]") {
  KuvertJob job = small_job();
  job.edit_records([](std::vector<std::string>& lines) { lines[1] = "{\"id\": \"GS-1\","; });
  expect_refused(job, kJob + "file \"records.jsonl\": record \"line 2\": is not valid JSON");
}

TEST_CASE("data job: a form in its manifest is refused, its layout names the form", "[data][input]") {
  KuvertJob job = small_job();
  job.edit_manifest([](json& manifest) { manifest["form"] = "A"; });
  expect_refused(job,
                 kJob + "file \"job.json\": field \"form\": is for print files; a letter layout names its own form");
}

TEST_CASE("data job: the day it is due goes onto every run's ticket, a day that is none is refused", "[data][input]") {
  KuvertJob job = small_job();
  const auto no_due = job.run();
  REQUIRE(no_due.exit_code == 0);
  CHECK(json::parse(read_file(job.output() / "R0001.json"))["due"].is_null());
  std::filesystem::remove_all(job.output());
  job.edit_manifest([](json& manifest) { manifest["due"] = "2026-12-10"; });
  const auto due = job.run();
  INFO(due.err);
  REQUIRE(due.exit_code == 0);
  CHECK(json::parse(read_file(job.output() / "R0001.json"))["due"] == "2026-12-10");
  std::filesystem::remove_all(job.output());
  for (const std::string day : {"2026-02-30", "10.12.2026", "2026-12-10T12:00:00Z", ""}) {
    job.edit_manifest([&](json& manifest) { manifest["due"] = day; });
    expect_refused(job, kJob + "file \"job.json\": field \"due\": \"" + day +
                            "\" is not a day (expected YYYY-MM-DD, as 2026-12-10)");
  }
  job.edit_manifest([](json& manifest) { manifest["due"] = 20261210; });
  expect_refused(job, kJob + "file \"job.json\": field \"due\": expected");
}

TEST_CASE("data job: a record that is not UTF-8 is refused", "[data][input]") {
  KuvertJob job = small_job();
  job.edit_records([](std::vector<std::string>& lines) {
    const auto at = lines[0].find("Flur");
    lines[0][at] = '\xFC';  // a Latin-1 ü
  });
  expect_refused(job, "record \"line 1\": is not UTF-8 text");
}

TEST_CASE("data job: a missing field is refused", "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 2, [](json& record) { record.erase("due_date"); });
  expect_refused(
      job, "document \"GS-2026-000003\": file \"records.jsonl\": record \"line 3\": field \"due_date\": is missing");
}

TEST_CASE("data job: a mistyped field is refused", "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 0, [](json& record) { record["items"][0]["amount"] = "98,78"; });
  expect_refused(job, "record \"line 1\": field \"items[0].amount\": expected a money amount");
}

TEST_CASE("data job: an unknown field is refused", "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 1, [](json& record) { record["kassenzeichen"] = "K-1"; });
  expect_refused(job, "record \"line 2\": field \"kassenzeichen\": is not a known field");
}

TEST_CASE("data job: an address that cannot be fitted is refused", "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 0, [](json& record) {
    record["recipient"]["name"] = {
        "Erbengemeinschaft nach Wilhelmine Musterfrau-Beispielhausen und Konstantin "
        "Vorlage-Schablonenberg, vertreten durch den Nachlasspfleger",
        "Herrn Rechtsanwalt Dr. Konstantin Vorlage-Schablonenberg und Partner",
        "Kanzlei für Erbrecht und Grundstücksangelegenheiten"};
  });
  expect_refused(job, "record \"line 1\": field \"recipient\": cannot be fitted into the address field");
}

TEST_CASE("data job: a country without a German name in layouts/countries.toml is refused until it has one",
          "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 0, [](json& record) {
    record["recipient"]["country"] = "KR";
    record["recipient"]["postcode"] = "04524";
    record["recipient"]["city"] = "Seoul";
  });
  expect_refused(job,
                 "record \"line 1\": field \"recipient.country\": \"KR\" has no German country name in "
                 "kuvert (layouts/countries.toml)");

  const auto layouts = test::edited_layouts(job.folder().parent_path(), "countries.toml",
                                            [](std::string& countries) { countries += "KR = \"REPUBLIK KOREA\"\n"; });
  const auto result = test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(),
                                         "--layouts", layouts.string(), "--date", "2026-11-22"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // DIN 5008: the town in capitals, the country alone on the last line.
  const auto pages = test::page_texts(job.output() / "R0001.pdf");
  CHECK(std::count_if(pages.begin(), pages.end(),
                      [](const std::string& page) { return contains(page, "04524 SEOUL\nREPUBLIK KOREA\n"); }) == 1);
}

TEST_CASE("layouts/countries.toml: a key that is no country code, or a name that is none, is refused",
          "[data][input]") {
  KuvertJob job = small_job();
  const auto layouts = test::edited_layouts(job.folder().parent_path(), "countries.toml", [](std::string& countries) {
    countries += "Korea = \"REPUBLIK KOREA\"\nKP = \"\"\n";
  });
  const auto result = test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(),
                                         "--layouts", layouts.string(), "--date", "2026-11-22"});
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err,
                 "file \"countries.toml\": field \"Korea\": is not an ISO 3166-1 country code (two "
                 "capital letters)"));
  CHECK(contains(result.err, "file \"countries.toml\": field \"KP\": "));
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

TEST_CASE("data job: a character no font has is refused naming the field and code point", "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 1, [](json& record) { record["items"][0]["description"] = "Grundsteuer \u6f22"; });
  expect_refused(
      job, "record \"line 2\": field \"items[0].description\": has U+6F22 (\u6f22), which no font of \"sans\" has");
}

TEST_CASE("data job: addresses wrap where the window of the inserter's C6/5 envelope ends", "[data]") {
  KuvertJob job = small_job();
  edit_record(job, 0, [](json& record) {
    record["recipient"]["name"] = {"Beispielhafte Grundstücksverwaltungsgesellschaft mbH & Co. KG",
                                   "z. Hd. Frau Platzhalter"};
  });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // The folded sheet moves 19 mm sideways in a C6/5 envelope, whose window
  // then shows the sheet up to 91 mm; the address keeps 3 mm inside.
  std::size_t words = 0;
  for (const auto& box : test::word_boxes(job.output() / "R0001.pdf"))
    if (box.x >= 24 && box.x < 105 && box.y > 62 && box.bottom < 90) {
      INFO(box.text << " ends at " << box.right << " mm");
      CHECK(box.right <= 88);
      ++words;
    }
  CHECK(words > 0);
}

TEST_CASE("data job: composed letters keep their text out of the inserter's clear zone", "[data]") {
  SampleRecordsOptions options;
  options.records = 6;
  options.items = 3;
  KuvertJob job(options);
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // generic-omr's clear zone: x 188.5 to 205 mm, y 91.5 to 166.5 mm, on
  // fronts; mirrored (x 5 to 21.5 mm) on backs. The table's amounts end at
  // the right margin's 190 mm unless the body stops short of the zone.
  std::size_t amounts = 0;
  for (const auto& box : test::word_boxes(job.output() / "R0001.pdf")) {
    const bool front = box.page % 2 == 1;
    const bool in_rows = box.bottom > 91.5 && box.y < 166.5;
    INFO("page " << box.page << ": \"" << box.text << "\" from " << box.x << " to " << box.right << " mm");
    if (in_rows && front) CHECK(box.right <= 188.5);
    if (in_rows && !front) CHECK(box.x >= 21.5);
    if (box.text == "€" && in_rows && front) ++amounts;
  }
  CHECK(amounts > 0);
}

TEST_CASE("data job: a word wider than its table column is broken inside it, and the letter produced", "[data]") {
  KuvertJob job = small_job();
  const std::string word = "Grundbesitzabgabenbescheidsberichtigungsverfahrensgebührenfestsetzung";
  edit_record(job, 0, [&](json& record) { record["items"][0]["description"] = word; });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // Broken between characters: its parts, in order, one under the other
  // inside the 75 mm description column (x 25 to 100 mm).
  std::string column;
  std::size_t parts = 0;
  for (const auto& box : test::word_boxes(job.output() / "R0001.pdf")) {
    if (box.x < 25 || box.right > 100 || box.y < 100 || box.y > 250) continue;
    column += box.text;
    if (word.find(box.text) != std::string::npos && box.text.size() > 4) ++parts;
  }
  CHECK(contains(column, word));
  CHECK(parts >= 2);
}

TEST_CASE("data job: a table row higher than a page is refused naming the row's field", "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 0, [](json& record) {
    std::string description;
    while (description.size() < 900) description += "Niederschlagswassergebühr ";
    record["items"][1]["description"] = description;
  });
  const auto result = run_with_layout(job, [](std::string& layout) {
    layout.replace(layout.find("width = 75"), 10, "width = 12");  // the description column
  });
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err,
                 "record \"line 1\": field \"items[1].description\": makes its table row higher than a "
                 "page ("));
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

TEST_CASE("data job: an unknown layout is refused", "[data][input]") {
  KuvertJob job = small_job();
  job.edit_manifest([](json& manifest) { manifest["layout"] = "mahnung"; });
  expect_refused(job, "file \"letters/mahnung.toml\": is missing");
}

TEST_CASE("data job: an unknown client is refused", "[data][input]") {
  KuvertJob job = small_job();
  job.edit_manifest([](json& manifest) { manifest["client"] = "irgendwo"; });
  expect_refused(job, "field \"client\": \"irgendwo\" is no client of layouts/clients.toml");
}

TEST_CASE("data job: a layout naming an unknown font is refused", "[data][input]") {
  KuvertJob job = small_job();
  const auto result = run_with_layout(
      job, [](std::string& layout) { layout.replace(layout.find("font = \"sans\""), 13, "font = \"comic\""); });
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err,
                 "file \"letters/grundsteuer.toml\": field \"font\": \"comic\" is no font of fonts/fonts.toml"));
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

TEST_CASE("data job: a salutation rule naming a field, and a missing names.toml, are refused", "[data][input]") {
  KuvertJob job = small_job();
  const auto result = run_with_layout(job, [](std::string& layout) {
    layout.replace(layout.find("Sehr geehrte Frau {name},"), 25, "Sehr geehrte Frau {reference},");
  });
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err,
                 "file \"letters/grundsteuer.toml\": field \"salutation.rule[0].text\": may hold {name} "
                 "(the person's titles and surname) and no other placeholder"));

  std::filesystem::remove(job.folder().parent_path() / "layouts" / "names.toml");
  const auto missing = test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(),
                                          "--layouts", (job.folder().parent_path() / "layouts").string()});
  CHECK(missing.exit_code == 1);
  CHECK(contains(missing.err, "file \"names.toml\": is missing"));
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

TEST_CASE("data job: a form A layout on an inserter set for form B folds only is refused", "[data][input]") {
  SampleRecordsOptions options;
  options.layout = "bezuege";  // DIN 5008 form A
  options.records = 2;
  KuvertJob job(options);
  job.edit_manifest([](json& manifest) { manifest["defaults"]["inserter"] = "pitney-bowes"; });
  expect_refused(job,
                 "field \"defaults.inserter\": layout \"bezuege\": inserter profile \"pitney-bowes\" is not set "
                 "for DIN 5008 form A (folds at 87 and 192 mm)");
}

TEST_CASE("data job: an empty records file is refused", "[data][input]") {
  KuvertJob job = small_job();
  job.edit_records([](std::vector<std::string>& lines) { lines.clear(); });
  expect_refused(job, "file \"records.jsonl\": holds no records");
}

TEST_CASE("data job: CSV records for a layout with a list are refused, saying why", "[data][input]") {
  KuvertJob job = small_job();
  std::ofstream(job.folder() / "records.csv") << "id,reference\nGS-1,K-1\n";
  job.edit_manifest([](json& manifest) { manifest["records"] = "records.csv"; });
  expect_refused(job, "field \"items\": is a list, which CSV cannot hold");
}

TEST_CASE("data job: every bad record is reported at once", "[data][input]") {
  KuvertJob job = small_job();
  edit_record(job, 0, [](json& record) { record.erase("year"); });
  edit_record(job, 2, [](json& record) { record["date"] = "2026-02-30"; });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, "record \"line 1\": field \"year\": is missing"));
  CHECK(contains(result.err, "record \"line 3\": field \"date\""));
}

TEST_CASE("data job: a records file that links outside the job folder is refused without quoting it", "[data][input]") {
  KuvertJob job = small_job();
  const auto outside = job.folder().parent_path() / "secret.csv";
  std::ofstream(outside) << "geheim:x:0:0:Kennwort\n";
  std::filesystem::create_symlink(outside, job.folder() / "records.csv");
  job.edit_manifest([](json& manifest) { manifest["records"] = "records.csv"; });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err,
                 "field \"records\": \"records.csv\" links to a file outside the job folder; a job's "
                 "records must be its own"));
  CHECK_FALSE(contains(result.err, "geheim"));
}

TEST_CASE("data job: a letter long enough to go flat has its address checked against the flat envelope's window",
          "[data][input]") {
  SampleRecordsOptions options;
  options.records = 2;
  options.items = 1000;  // more than 8 sheets: flat into C4
  options.long_address_share = 0;
  KuvertJob job(options);
  // A C4 stock whose window (the first version's retail 90 x 55 mm at
  // 212 mm) shows the flat sheet only from y 30 to 85 mm: the letters were
  // set for the C6/5 window, down to 87 mm, and the second one's address
  // reaches below 82 mm.
  const auto layouts = test::edited_layouts(job.folder().parent_path(), "envelopes.toml", [](std::string& envelopes) {
    envelopes.replace(envelopes.find("window_bottom_mm = 207"), 22, "window_bottom_mm = 212");
    envelopes.replace(envelopes.rfind("window_height_mm = 45"), 21, "window_height_mm = 55");
  });
  const auto result =
      test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(), "--layouts",
                         layouts.string(), "--fonts", (test::source_dir() / "fonts").string()});
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, kJob + "document \"GS-2026-000002\": file \"the composed letters\": page "));
  CHECK(contains(result.err,
                 "is not inside what the window of envelope \"c4\" shows wherever the sheet lies, 3 mm in "
                 "(x 23.0 to 88.0 mm, y 45.0 to 82.0 mm)"));
  CHECK_FALSE(std::filesystem::exists(job.output()));

  // The shipped C4 window shows what the C6/5 window does.
  const auto shipped = job.run();
  INFO(shipped.err);
  REQUIRE(shipped.exit_code == 0);
  const auto manifest = test::read_csv(read_file(job.output() / "R0001.csv"));
  REQUIRE_FALSE(manifest.empty());
  CHECK(manifest.front().at("envelope") == "c4");
}

}  // namespace
}  // namespace kuvert

// Paper for the print room on real run files: the banner sheet before a
// run (read back with poppler, its code decoded, fed through the simulated
// inserter, which diverts it), separators before each piece of a run
// finished by hand, and the run ticket as an A4 PDF in German.
#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/driver/printer_file.hpp"
#include "pipeline/model/concat.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "stages/compose/german_format.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/edited_layouts.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/word_boxes.hpp"

namespace fs = std::filesystem;
using kuvert::test::KuvertJob;
using kuvert::test::page_texts;
using kuvert::test::read_csv;
using kuvert::test::read_file;
using nlohmann::json;

namespace {

kuvert::RunTicket ticket_of(const fs::path& run_file) {
  return kuvert::read_run_ticket(json::parse(read_file(fs::path(run_file).replace_extension(".json"))));
}

kuvert::RunLabel label_for(const std::string& number) {
  return {.number = number, .printer = "drucker-1", .created = "03.12.2026 15:05", .file = "J7-test-job-R0001.pdf"};
}

const kuvert::FontCatalog& fonts() {
  static const auto catalog = kuvert::load_fonts(kuvert::test::source_dir() / "fonts");
  return catalog;
}

kuvert::InserterProfile shipped_inserter(const std::string& name) {
  return kuvert::load_profiles(kuvert::test::source_dir() / "layouts", "2026-12-03").inserters.at(name);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// What poppler says when it reads every page: "" for a sound file.
std::string poppler_complaints(const fs::path& pdf) {
  const auto result = kuvert::test::run_process({"pdftotext", pdf.string(), "/dev/null"});
  return result.exit_code == 0 ? result.err : "exit " + std::to_string(result.exit_code) + ": " + result.err;
}

// An amount as pdftotext gives it back: the no-break space a plain one.
std::string money_text(long cents) {
  const std::string text = kuvert::compose::money(cents);
  const auto at = text.find("\u00A0");
  return at == std::string::npos ? text : kuvert::concat(text.substr(0, at), " ", text.substr(at + 2));
}

// A job of 20 varied pieces for `inserter`, run by kuvert.
kuvert::SampleJobOptions varied_job(const std::string& sides) {
  kuvert::SampleJobOptions options;
  options.documents = 20;
  options.sides = sides;
  options.foreign_share = 0;
  options.seed = 11;
  return options;
}

}  // namespace

TEST_CASE("A banner sheet precedes the run in the printer's file and the simulated inserter diverts it",
          "[print-room][e2e][slow]") {
  for (const auto& [inserter, sides] : std::vector<std::pair<std::string, std::string>>{
           {"generic-omr", "duplex"}, {"datamatrix", "duplex"}, {"pitney-bowes", "simplex"}}) {
    INFO(inserter << ", " << sides);
    KuvertJob job(varied_job(sides));
    job.edit_manifest([&](json& m) {
      m["defaults"]["inserter"] = inserter;
      m["due"] = "2026-12-05";
    });
    kuvert::test::require_success(job.run(), "kuvert run");
    const fs::path run_file = job.output() / "R0001.pdf";
    const auto ticket = ticket_of(run_file);
    const auto profile = shipped_inserter(inserter);
    const fs::path printer = job.output() / "drucker";
    fs::create_directories(printer);
    const fs::path delivered = printer / "J7-test-job-R0001.pdf";
    CHECK(kuvert::write_printer_file(run_file, ticket, &profile, fonts(), label_for("J7-R0001"), {.banner = true},
                                     delivered) == 1);

    CHECK(poppler_complaints(delivered).empty());
    // One sheet more than the run, the run's own pages unchanged after it.
    const std::size_t per_sheet = sides == "duplex" ? 2 : 1;
    const auto texts = page_texts(delivered);
    const auto run_texts = page_texts(run_file);
    REQUIRE(texts.size() == run_texts.size() + per_sheet);
    CHECK(std::equal(run_texts.begin(), run_texts.end(), texts.begin() + static_cast<long>(per_sheet)));
    CHECK(contains(texts[0], "BANNERBLATT"));
    CHECK(contains(texts[0], "J7-R0001"));
    CHECK(contains(texts[0], ticket.client));
    CHECK(contains(texts[0], "05.12.2026"));
    CHECK(contains(texts[0], money_text(*ticket.postage.total_cents)));
    CHECK(contains(texts[0], sides == "duplex" ? "beidseitig" : "einseitig"));
    // Its text keeps left of the clear zone, its code names the run.
    for (const auto& word : kuvert::test::word_boxes(delivered))
      if (word.page == 1) CHECK(word.right < profile.clear_zone.x);
    const auto images = kuvert::test::render_pages(delivered, 200);
    CHECK(kuvert::test::datamatrix_in(images[0], 12, 224, 40, 40) == "J7-R0001");
    if (inserter == "datamatrix")
      CHECK(kuvert::test::datamatrix_in(images[0], profile.clear_zone.x, profile.clear_zone.y, profile.clear_zone.width,
                                        profile.clear_zone.height) == ticket.job_key + "-R0001|DIVERT");

    // The inserter takes the file with the run's control file: every piece
    // inserted, the banner diverted without a word, also when it falls off
    // the stack.
    for (const auto& control : ticket.control_files)
      fs::copy_file(job.output() / control, printer / ("J7-test-job-" + control));
    const auto manifest = read_csv(read_file(job.output() / "R0001.csv"));
    for (const std::vector<std::string>& faults : {std::vector<std::string>{}, {"--fault", "lost@1"}}) {
      const fs::path results = printer / ("results-" + std::to_string(faults.size()) + ".csv");
      std::vector<std::string> argv = {KUVERT_INSERTER_SIM,
                                       delivered.string(),
                                       "--profile",
                                       inserter,
                                       "--layouts",
                                       (kuvert::test::source_dir() / "layouts").string(),
                                       "-o",
                                       results.string()};
      argv.insert(argv.end(), faults.begin(), faults.end());
      const auto result = kuvert::test::run_process(argv);
      INFO(result.err);
      REQUIRE(result.exit_code == 0);
      CHECK(contains(result.out, "(" + sides + ")"));
      const auto rows = read_csv(read_file(results));
      REQUIRE(rows.size() == manifest.size());
      for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(rows[i].at("piece") == manifest[i].at("piece_id"));
        CHECK(rows[i].at("status") == "ok");
      }
    }
  }
}

TEST_CASE("A run finished by hand gets a separator before each piece, and its banner carries no marks",
          "[print-room][e2e]") {
  // An inserter that folds one sheet and takes no more: every piece of
  // two or more sheets is finished by hand.
  KuvertJob job(kuvert::test::plain_job(5, 4));
  const fs::path layouts =
      kuvert::test::edited_layouts(job.folder().parent_path(), "inserters/generic-omr.toml", [](std::string& toml) {
        const auto at = toml.find("fold_limit_sheets = 8");
        REQUIRE(at != std::string::npos);
        toml.replace(at, 21, "fold_limit_sheets = 1");
        const auto flat = toml.find("flat_limit_sheets = 60");
        REQUIRE(flat != std::string::npos);
        toml.replace(flat, 22, "flat_limit_sheets = 1");
      });
  kuvert::test::require_success(job.run({"--layouts", layouts.string()}), "kuvert run");
  const fs::path run_file = job.output() / "R0001.pdf";
  const auto ticket = ticket_of(run_file);
  REQUIRE(ticket.production.manual_handling);
  REQUIRE(ticket.manual_pieces.size() == 5);
  const fs::path delivered = job.output() / "printer.pdf";
  CHECK(kuvert::write_printer_file(run_file, ticket, nullptr, fonts(), label_for("J3-R0001"),
                                   {.banner = true, .separators = true}, delivered) == 6);
  CHECK(poppler_complaints(delivered).empty());
  const auto texts = page_texts(delivered);
  const auto run_texts = page_texts(run_file);
  REQUIRE(texts.size() == run_texts.size() + 2 * 6);
  CHECK(contains(texts[0], "BANNERBLATT"));
  CHECK(contains(texts[0], "Handverarbeitung"));
  CHECK(contains(texts[0], "Vor dem Kuvertieren entnehmen"));
  // Banner, then per piece its separator and its two duplex sheets.
  std::size_t page = 2;
  for (std::size_t piece = 0; piece < 5; ++piece) {
    INFO("piece " << piece + 1);
    CHECK(contains(texts[page], "TRENNBLATT"));
    CHECK(contains(texts[page], "Sendung " + std::to_string(piece + 1) + " von 5"));
    CHECK(contains(texts[page], ticket.manual_pieces[piece].piece));
    CHECK(contains(texts[page], ticket.manual_pieces[piece].documents.front()));
    page += 2;
    for (std::size_t side = 0; side < 4; ++side, ++page) CHECK(texts[page] == run_texts[piece * 4 + side]);
  }
  // No marks and no painted zone on any sheet of a run finished by hand.
  for (const auto& image : kuvert::test::render_pages(delivered, 50))
    CHECK_FALSE(image.any_dark_mm(188.5, 91.5, 16.5, 75));
}

TEST_CASE("The run ticket is an A4 PDF in German, continued on further pages when its lists are long",
          "[print-room][e2e]") {
  KuvertJob job(varied_job("duplex"));
  job.edit_manifest([](json& m) { m["due"] = "2026-12-24"; });
  kuvert::test::require_success(job.run(), "kuvert run");
  auto ticket = ticket_of(job.output() / "R0001.pdf");
  const fs::path pdf = job.output() / "ticket.pdf";
  kuvert::write_run_ticket_pdf(ticket, fonts(), label_for("J7-R0001"), {.banner = true}, pdf);
  CHECK(poppler_complaints(pdf).empty());
  auto texts = page_texts(pdf);
  REQUIRE(texts.size() == 1);
  CHECK(contains(texts[0], "Laufzettel J7-R0001"));
  CHECK(contains(texts[0], "24.12.2026"));
  CHECK(contains(texts[0], "03.12.2026 15:05"));
  CHECK(contains(texts[0], "1 Bannerblatt vor dem Lauf"));
  CHECK(contains(texts[0], kuvert::compose::integer_text(static_cast<std::int64_t>(ticket.counts.sheets))));
  CHECK(contains(texts[0], money_text(*ticket.postage.total_cents)));
  for (const auto& [product, line] : ticket.postage.products) CHECK(contains(texts[0], product));
  const auto images = kuvert::test::render_pages(pdf, 20);
  CHECK(images[0].width() == 166);  // A4: 210 mm at 20 dpi
  CHECK(images[0].height() == 234);

  // 120 pieces finished by hand: listed over more pages, each headed.
  for (int i = 0; i < 120; ++i)
    ticket.manual_pieces.push_back({.piece = "R0001-" + std::to_string(900 + i),
                                    .documents = {"K-1"},
                                    .sheets = 61,
                                    .reason = "61 sheets exceed the inserter's flat limit of 60"});
  kuvert::write_run_ticket_pdf(ticket, fonts(), label_for("J7-R0001"), {}, pdf);
  texts = page_texts(pdf);
  REQUIRE(texts.size() >= 3);
  for (std::size_t p = 1; p < texts.size(); ++p) {
    CHECK(contains(texts[p], "Laufzettel J7-R0001"));
    CHECK(contains(texts[p], "Fortsetzung, Blatt " + std::to_string(p + 1)));
  }
  std::string all;
  for (const auto& text : texts) all += text;
  CHECK(contains(all, "R0001-900"));
  CHECK(contains(all, "R0001-1019"));
  CHECK(contains(texts.back(), "Geprüft"));
}

TEST_CASE("A run file that does not match its ticket gets no printer's file", "[print-room][e2e]") {
  KuvertJob job(kuvert::test::plain_job(3, 2));
  kuvert::test::require_success(job.run(), "kuvert run");
  const fs::path run_file = job.output() / "R0001.pdf";
  auto ticket = ticket_of(run_file);
  const auto profile = shipped_inserter("generic-omr");
  const fs::path delivered = job.output() / "printer.pdf";
  ticket.counts.sheets += 1;
  ticket.counts.pages += 2;
  try {
    kuvert::write_printer_file(run_file, ticket, &profile, fonts(), label_for("J1-R0001"), {.banner = true}, delivered);
    FAIL("a run file of other pages than its ticket's was taken");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::input);
    CHECK(contains(error.what(), "R0001.pdf"));
    CHECK(contains(error.what(), "has 6 pages, its ticket 8 on 4 sheets"));
  }
  CHECK_FALSE(fs::exists(delivered));
  fs::remove(run_file);
  CHECK_THROWS_AS(kuvert::write_printer_file(run_file, ticket_of(fs::path(run_file)), &profile, fonts(),
                                             label_for("J1-R0001"), {.banner = true}, delivered),
                  kuvert::Error);
}

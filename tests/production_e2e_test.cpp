// End to end: a generated print file with letters of varied length and
// repeated recipients goes through `kuvert run`; the run files are rendered
// back with poppler and every piece is checked from the pixels and text.
#include <podofo/podofo.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/model/job_summary.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"

namespace {

using namespace kuvert::test;
using nlohmann::json;
namespace fs = std::filesystem;

// generic-omr as DESIGN.md fixes it (its first bar off the form-B fold).
constexpr double kFirstBarMm = 112.0;
constexpr double kPitchMm = 4.23;
constexpr double kBarCentreXMm = 196.75;
constexpr int kPositions = 9;

std::vector<bool> read_bars(const PageImage& page) {
  std::vector<bool> bars;
  for (int i = 0; i < kPositions; ++i) bars.push_back(page.grey_at_mm(kBarCentreXMm, kFirstBarMm + i * kPitchMm) < 128);
  return bars;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, separator))
    if (!part.empty()) parts.push_back(part);
  return parts;
}

json read_json(const fs::path& path) { return json::parse(std::ifstream(path)); }

// "Dokument K-2026-000003 Blatt 2/4" markers on a page, in order.
std::vector<std::string> markers_on(const std::string& page_text) {
  std::vector<std::string> found;
  for (auto at = page_text.find("Dokument "); at != std::string::npos; at = page_text.find("Dokument ", at + 1)) {
    auto end = page_text.find_first_of("\n", at);
    auto marker = page_text.substr(at, end - at);
    while (!marker.empty() && marker.back() == ' ') marker.pop_back();
    found.push_back(marker);
  }
  return found;
}

struct RunCheck {
  std::size_t pieces = 0;
  std::vector<std::string> documents;
  std::size_t consolidated = 0;
};

// Checks every piece of one duplex generic-omr run against its rendering.
RunCheck check_run(const fs::path& folder, const std::string& run_id,
                   const std::map<std::string, kuvert::SampleDocument>& sent) {
  const auto pdf = folder / (run_id + ".pdf");
  const auto ticket = read_json(folder / (run_id + ".json"));
  CHECK(json(ticket.get<kuvert::RunTicket>()) == ticket);  // the typed ticket holds the whole file
  const auto rows = read_csv(read_file(folder / (run_id + ".csv")));
  const auto images = render_pages(pdf, 100);
  const auto texts = page_texts(pdf);
  REQUIRE(images.size() == texts.size());
  REQUIRE(images.size() == ticket["counts"]["pages"].get<std::size_t>());
  REQUIRE(images.size() == 2 * ticket["counts"]["sheets"].get<std::size_t>());

  RunCheck check;
  std::size_t sheet = 0;  // in the run, 1-based after increment
  // Presorted: German postcodes ascending (so by Leitregion), then foreign
  // mail grouped by country.
  std::vector<std::pair<std::string, std::string>> order;  // ("" or country, postcode)
  for (const auto& row : rows)
    order.emplace_back(row.at("country") == "DE" ? "" : row.at("country"), row.at("postcode"));
  CHECK(std::is_sorted(order.begin(), order.end()));
  for (const auto& row : rows) {
    ++check.pieces;
    INFO("run " << run_id << " piece " << row.at("piece_id"));
    CHECK(std::stoul(row.at("sequence")) == check.pieces);
    const auto ids = split(row.at("documents"), ' ');
    check.documents.insert(check.documents.end(), ids.begin(), ids.end());
    if (ids.size() > 1) ++check.consolidated;
    const std::size_t first = std::stoul(row.at("first_sheet")), last = std::stoul(row.at("last_sheet"));
    CHECK(first == sheet + 1);

    // Every document's pages complete, in order, each document on a front side.
    std::vector<std::string> expected, seen;
    for (const auto& id : ids) {
      const auto& document = sent.at(id);
      for (std::uint32_t p = 1; p <= document.pages; ++p)
        expected.push_back(kuvert::sample_page_marker(id, p, document.pages));
    }
    for (std::size_t s = first; s <= last; ++s)
      for (int side = 0; side < 2; ++side) {
        const auto markers = markers_on(texts[2 * (s - 1) + side]);
        for (const auto& marker : markers) {
          if (marker.find(" Blatt 1/") != std::string::npos) CHECK(side == 0);
          seen.push_back(marker);
        }
        if (side == 0) CHECK(markers.size() == 1);  // no blank fronts
      }
    CHECK(seen == expected);

    // Control marks on every sheet: start, insert on the last, feeders,
    // sequence, parity, safety; nothing in the clear zone on the back.
    const auto inserts = row.at("inserts");
    for (std::size_t s = first; s <= last; ++s) {
      ++sheet;
      const auto& front = images[2 * (s - 1)];
      const auto& back = images[2 * (s - 1) + 1];
      const auto bars = read_bars(front);
      const bool closing = s == last;
      const unsigned sequence = (sheet - 1) % 8;
      INFO("sheet " << s);
      CHECK(bars[0]);
      CHECK(bars[1] == closing);
      CHECK(bars[2] == (closing && inserts.find("feeder-1") != std::string::npos));
      CHECK(bars[3] == (closing && inserts.find("feeder-2") != std::string::npos));
      CHECK(bars[4] == bool(sequence & 4));
      CHECK(bars[5] == bool(sequence & 2));
      CHECK(bars[6] == bool(sequence & 1));
      CHECK(bars[8]);
      CHECK(std::count(bars.begin(), bars.end(), true) % 2 == 0);
      CHECK_FALSE(back.any_dark_mm(188.5, 91.5, 16.5, 75));
      CHECK_FALSE(back.any_dark_mm(5, 91.5, 16.5, 75));  // behind the code
      // On the front nothing dark outside the bars' column inside the zone.
      CHECK_FALSE(front.any_dark_mm(188.8, 92, 2.2, 74));
      CHECK_FALSE(front.any_dark_mm(202.6, 92, 2.2, 74));
    }

    // The recipient of the piece stands in the DIN 5008 form B window field.
    const auto window = text_in_area(pdf, static_cast<int>(2 * first - 1), 20, 45, 85, 45);
    const auto& recipient = sent.at(ids.front()).recipient;
    for (const auto& line : recipient.name) CHECK(window.find(line) != std::string::npos);
    CHECK(window.find(recipient.postcode + " " + recipient.city) != std::string::npos);
  }
  return check;
}

}  // namespace

TEST_CASE("a print-file job comes out as imposed runs whose marks and pages check out piece by piece", "[e2e][slow]") {
  kuvert::SampleJobOptions options;
  options.documents = 48;
  options.seed = 7;
  options.repeat_share = 0.25;
  options.foreign_share = 0.1;
  options.insert_share = 0.3;
  options.job = "e2e-job";
  KuvertJob job(options);
  std::map<std::string, kuvert::SampleDocument> sent;
  for (const auto& document : job.documents()) sent[document.id] = document;

  const auto result = job.run({"--max-sheets", "40"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);

  const auto summary = read_json(job.output() / "summary.json");
  // The typed results read the whole file: nothing written is lost on reading.
  CHECK(json(summary.get<kuvert::JobSummary>()) == summary);
  CHECK(summary["documents"] == options.documents);
  REQUIRE(summary["runs"].size() > 1);
  std::vector<std::string> documents;
  std::size_t consolidated = 0;
  for (const auto& run : summary["runs"]) {
    const auto id = run["run"].get<std::string>();
    CHECK(run["sheets"].get<std::size_t>() <= 40);
    const auto check = check_run(job.output(), id, sent);
    CHECK(check.pieces == run["pieces"].get<std::size_t>());
    documents.insert(documents.end(), check.documents.begin(), check.documents.end());
    consolidated += check.consolidated;
  }
  // Every document in exactly one piece.
  CHECK(documents.size() == options.documents);
  CHECK(std::set<std::string>(documents.begin(), documents.end()).size() == options.documents);
  CHECK(consolidated > 0);
}

TEST_CASE("pages with bleed get their marks where the inserter reads the trimmed sheet", "[e2e]") {
  KuvertJob job(plain_job(1, 1, "bleed-job"));
  // One letter whose page has 3 mm bleed: a MediaBox larger than A4 and the
  // A4 CropBox inside it.
  {
    const double bleed = 3 * 72 / 25.4;
    PoDoFo::PdfMemDocument document;
    auto* page = document.CreatePage(PoDoFo::PdfRect(-bleed, -bleed, 595.276 + 2 * bleed, 841.89 + 2 * bleed));
    PoDoFo::PdfArray crop;
    for (const double v : {0.0, 0.0, 595.276, 841.89}) crop.push_back(PoDoFo::PdfVariant(v));
    page->GetObject()->GetDictionary().AddKey("CropBox", crop);
    PoDoFo::PdfPainter painter;
    painter.SetPage(page);
    painter.SetColor(0, 0, 0);
    painter.Rectangle(-bleed, -bleed, 595.276 + 2 * bleed, 20);  // a coloured band into the bleed
    painter.Fill();
    painter.SetFont(document.CreateFont("Helvetica"));
    painter.DrawText(25 * 72 / 25.4, 841.89 - 70 * 72 / 25.4, "Frau Erika Muster");  // in the window
    painter.FinishPage();
    document.Write((job.folder() / "bleed.pdf").c_str());
  }
  job.edit_manifest([](json& m) {
    m.erase("print_file");
    m["documents"][0].erase("pages");
    m["documents"][0]["file"] = "bleed.pdf";
  });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto images = render_pages(job.output() / "R0001.pdf", 100);
  REQUIRE(images.size() == 2);
  // A one-sheet piece: start, insert, sequence 0, and parity to make the
  // three bars of start, insert and safety an even four.
  CHECK(read_bars(images[0]) == std::vector<bool>{true, true, false, false, false, false, false, true, true});
  CHECK(images[0].width() == 827);  // the A4 box was rendered, not the bleed
}

TEST_CASE("a piece the inserter cannot take goes into a manual run without marks, listed in its ticket", "[e2e]") {
  // 2 short letters and one of 122 pages: 61 duplex sheets, over the flat
  // limit of 60 sheets that generic-omr takes.
  KuvertJob job(plain_job(3, 2, "manual-job"));
  {
    kuvert::SampleJobOptions thick = plain_job(1, 122, "thick");
    KuvertJob source(thick);
    std::filesystem::copy_file(source.folder() / "spool.pdf", job.folder() / "dicke-akte.pdf");
  }
  job.edit_manifest([](json& m) {
    m["documents"][1]["pages"] = "3-6";  // the spool's pages stay accounted for
    m["documents"][2].erase("pages");
    m["documents"][2]["file"] = "dicke-akte.pdf";
  });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto summary = read_json(job.output() / "summary.json");
  REQUIRE(summary["runs"].size() == 2);
  CHECK_FALSE(summary["runs"][0]["manual_handling"].get<bool>());
  CHECK(summary["runs"][1]["manual_handling"].get<bool>());
  const auto ticket = read_json(job.output() / "R0002.json");
  CHECK(json(ticket.get<kuvert::RunTicket>()) == ticket);
  CHECK_FALSE(ticket["production"]["control_marks"].get<bool>());
  REQUIRE(ticket["manual_pieces"].size() == 1);
  CHECK(ticket["manual_pieces"][0]["documents"] == json::array({"K-2026-000003"}));
  CHECK(ticket["manual_pieces"][0]["reason"].get<std::string>().rfind(
            "61 sheets exceed the inserter's flat limit of 60", 0) == 0);
  // No bars and no painted zone on any page of the manual run.
  const auto images = render_pages(job.output() / "R0002.pdf", 50);
  REQUIRE(images.size() == 122);
  for (const auto& page : images) CHECK_FALSE(page.any_dark_mm(188.5, 91.5, 16.5, 75));
}

TEST_CASE("a recipient that a spreadsheet would run as a formula is text in the run manifest", "[e2e]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["documents"][0]["recipient"]["name"] = {"=HYPERLINK(\"http://x.invalid\")"}; });
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string manifest = read_file(job.output() / "R0001.csv");
  CHECK(manifest.find("'=HYPERLINK(") != std::string::npos);
  CHECK(manifest.find(",=HYPERLINK(") == std::string::npos);
  CHECK(manifest.find(",\"=HYPERLINK(") == std::string::npos);
}

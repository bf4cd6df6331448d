// The other shipped inserter profiles, end to end: what the inserter would
// read from the printed sheets, decoded from poppler's rendering.

#include <catch2/catch.hpp>
#include <fstream>

#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"

namespace {

using namespace kuvert::test;
using nlohmann::json;
namespace fs = std::filesystem;

json read_json(const fs::path& path) { return json::parse(std::ifstream(path)); }

// A job with inserts for every feeder and letters of 1 to 5 pages.
std::unique_ptr<KuvertJob> job_for(const std::string& inserter, const std::string& sides) {
  kuvert::SampleJobOptions options = plain_job(14, 0, "profile-job");
  options.seed = 11;
  options.insert_share = 0.5;
  options.sides = sides;
  auto job = std::make_unique<KuvertJob>(options);
  job->edit_manifest([&](json& m) { m["defaults"]["inserter"] = inserter; });
  return job;
}

// The job for `inserter`, produced.
std::unique_ptr<KuvertJob> produced_job(const std::string& inserter, const std::string& sides) {
  auto job = job_for(inserter, sides);
  const auto result = job->run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return job;
}

// In the profile's clear zone: x 180, y 6, 18 x 18 mm.
std::string decode_datamatrix(const PageImage& page) { return kuvert::test::datamatrix_in(page, 180, 6, 18, 18); }

std::string feeder_field(const std::string& inserts) {
  std::string stations;
  for (const std::string station : {"1", "2"}) {
    if (inserts.find("feeder-" + station) == std::string::npos) continue;
    if (!stations.empty()) stations += ',';
    stations += station;
  }
  return "F" + stations;
}

}  // namespace

TEST_CASE("the datamatrix profile prints a readable code with piece, sheet and feeders on every sheet", "[e2e]") {
  const auto owned = produced_job("datamatrix", "duplex");
  auto& job = *owned;
  std::size_t sheets_checked = 0;
  const auto summary = read_json(job.output() / "summary.json");
  for (const auto& run : summary["runs"]) {
    const auto id = run["run"].get<std::string>();
    const auto images = render_pages(job.output() / (id + ".pdf"), 200);
    const auto job_key = read_json(job.output() / (id + ".json"))["job_key"].get<std::string>();
    CHECK(job_key.size() == 8);
    for (const auto& row : read_csv(read_file(job.output() / (id + ".csv")))) {
      const auto first = std::stoul(row.at("first_sheet")), sheets = std::stoul(row.at("sheets"));
      for (std::size_t n = 1; n <= sheets; ++n) {
        char sheet_field[32];
        std::snprintf(sheet_field, sizeof sheet_field, "S%02zu/%02zu", n, sheets);
        const auto front = images[2 * (first + n - 2)];
        // R.csv and the code carry the same piece id, the job key first.
        CHECK(row.at("piece_id").starts_with(job_key + "-" + id + "-"));
        CHECK(decode_datamatrix(front) == row.at("piece_id") + "|" + sheet_field + "|" + feeder_field(row.at("inserts")));
        ++sheets_checked;
      }
    }
  }
  CHECK(sheets_checked > 14);
}

// A fixed-width record's field: columns [from, from + width), trailing
// spaces dropped.
std::string column(const std::string& line, std::size_t from, std::size_t width) {
  auto text = line.substr(from, width);
  return text.erase(text.find_last_not_of(' ') + 1);
}

TEST_CASE("the datamatrix profile's control files list what its camera reads, sheet by sheet", "[e2e]") {
  const auto owned = produced_job("datamatrix", "duplex");
  auto& job = *owned;
  std::size_t sheets_checked = 0;
  const auto summary = read_json(job.output() / "summary.json");
  for (const auto& run : summary["runs"]) {
    const auto id = run["run"].get<std::string>();
    const auto ticket = read_json(job.output() / (id + ".json"));
    CHECK(ticket["control_files"] == json::array({id + ".pieces.csv", id + ".sheets.txt"}));
    // The pieces file: R.csv's pieces in sequence, by the id the code carries.
    const auto manifest = read_csv(read_file(job.output() / (id + ".csv")));
    const auto pieces = read_csv(read_file(job.output() / (id + ".pieces.csv")));
    REQUIRE(pieces.size() == manifest.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      CHECK(pieces[i].at("piece") == manifest[i].at("piece_id"));
      CHECK(pieces[i].at("sequence") == manifest[i].at("sequence"));
      CHECK(pieces[i].at("sheets") == manifest[i].at("sheets"));
      CHECK(pieces[i].at("product") == manifest[i].at("product"));
    }
    // The sheets file, fixed width (piece 32, sheet 3, of 3, feeders 24,
    // divert 1, CRLF): one line a printed sheet, as its code reads.
    const auto text = read_file(job.output() / (id + ".sheets.txt"));
    const auto images = render_pages(job.output() / (id + ".pdf"), 200);
    std::size_t line_start = 0, sheet = 0;
    for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", line_start)) {
      const std::string line = text.substr(line_start, end - line_start);
      line_start = end + 2;
      REQUIRE(line.size() == 63);
      const std::string code = decode_datamatrix(images.at(2 * sheet++));
      INFO(line << " / " << code);
      const std::string n = column(line, 32, 3), m = column(line, 35, 3);
      CHECK(code.substr(0, code.find('|')) == column(line, 0, 32));
      CHECK(code.find("|S" + n.substr(1) + "/" + m.substr(1) + "|") != std::string::npos);
      // Feeders fire on the piece's last sheet: the code's stations, two digits each.
      std::string stations;
      for (char c : code.substr(code.rfind("|F") + 2))
        if (c != ',') stations += std::string("0") + c;
      CHECK(column(line, 38, 24) == (n == m ? stations : ""));
      CHECK(line[62] == 'N');
      ++sheets_checked;
    }
    CHECK(line_start == text.size());
    CHECK(sheet == images.size() / 2);
  }
  CHECK(sheets_checked > 14);
}

TEST_CASE("the pitney-bowes profile marks the first sheet of a piece with odd parity, simplex", "[e2e]") {
  const auto owned = produced_job("pitney-bowes", "simplex");
  auto& job = *owned;
  // positions from layouts/inserters/pitney-bowes.toml, first bar centre
  // 146 mm from the top, pitch 4.233 mm: start, insert, feeder 1-3,
  // sequence 1-2-4, divert, parity, safety.
  auto bar = [](const PageImage& page, int position) {
    return page.grey_at_mm(196.75, 146 + position * 4.233) < 128;
  };
  std::size_t sheet_in_run = 0;
  const auto summary = read_json(job.output() / "summary.json");
  for (const auto& run : summary["runs"]) {
    const auto id = run["run"].get<std::string>();
    const auto images = render_pages(job.output() / (id + ".pdf"), 150);
    const auto ticket = read_json(job.output() / (id + ".json"));
    REQUIRE(images.size() == ticket["counts"]["sheets"].get<std::size_t>());  // simplex: a page per sheet
    sheet_in_run = 0;
    for (const auto& row : read_csv(read_file(job.output() / (id + ".csv")))) {
      const auto first = std::stoul(row.at("first_sheet")), last = std::stoul(row.at("last_sheet"));
      for (auto s = first; s <= last; ++s) {
        const auto& page = images[s - 1];
        const unsigned sequence = sheet_in_run++ % 8;
        INFO(row.at("piece_id") << " sheet " << s);
        int bars = 0;
        for (int p = 0; p < 11; ++p) bars += bar(page, p) ? 1 : 0;
        CHECK(bar(page, 0));
        CHECK(bar(page, 1) == (s == first));
        CHECK(bar(page, 2) == (s == first && row.at("inserts").find("feeder-1") != std::string::npos));
        CHECK(bar(page, 3) == (s == first && row.at("inserts").find("feeder-2") != std::string::npos));
        CHECK_FALSE(bar(page, 4));
        CHECK(bar(page, 5) == bool(sequence & 1));
        CHECK(bar(page, 6) == bool(sequence & 2));
        CHECK(bar(page, 7) == bool(sequence & 4));
        CHECK_FALSE(bar(page, 8));
        CHECK(bar(page, 10));
        CHECK(bars % 2 == 1);
      }
    }
  }
}

TEST_CASE("the same job gives the same bytes single-threaded and in parallel", "[e2e]") {
  kuvert::SampleJobOptions options;
  options.documents = 60;
  options.seed = 5;
  options.job = "twice";
  KuvertJob job(options);
  const auto one = job.run({"--threads", "1"});
  REQUIRE(one.exit_code == 0);
  const auto first = job.output().parent_path() / "first";
  fs::rename(job.output(), first);
  const auto two = job.run({"--threads", "2"});
  REQUIRE(two.exit_code == 0);
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(first)) {
    INFO(entry.path().filename());
    CHECK(read_file(entry.path()) == read_file(job.output() / entry.path().filename()));
    ++files;
  }
  CHECK(files >= 4);
}

// `kuvert run --reprint ORDER`: only the order's documents, the same
// letters, runs named N..., each naming the pieces it replaces.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"

namespace fs = std::filesystem;
using kuvert::test::read_csv;
using kuvert::test::read_file;
using nlohmann::json;

namespace {

// `kuvert run JOB -o OUTPUT --reprint ORDER` as the service runs it, in
// runs of at most `max_sheets` sheets.
kuvert::test::ProcessResult run_reprint(const kuvert::test::KuvertJob& job, const fs::path& output,
                                        const fs::path& order, const std::string& max_sheets) {
  return kuvert::test::kuvert_cli({"run", job.folder().string(), "-o", output.string(), "--date", "2026-11-22",
                                   "--deterministic", "--max-sheets", max_sheets, "--reprint", order.string()});
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> result;
  for (std::string word; in >> word;) result.push_back(word);
  return result;
}

}  // namespace

TEST_CASE("kuvert run --reprint makes the order's documents again, each run naming the pieces it replaces", "[e2e]") {
  kuvert::test::KuvertJob job(kuvert::test::plain_job(6, 1));
  kuvert::test::require_success(job.run(), "kuvert run");
  const auto pieces = read_csv(read_file(job.output() / "R0001.csv"));
  REQUIRE(pieces.size() == 6);
  // Pieces 1, 3 and 5 failed; runs of at most two sheets split the reprint in two.
  json order{{"run", "R0001"}, {"first_run", 3}, {"pieces", json::array()}};
  for (const std::size_t i : {0u, 2u, 4u})
    order["pieces"].push_back({{"piece", pieces[i].at("piece_id")}, {"documents", words(pieces[i].at("documents"))}});
  const fs::path order_file = job.output().parent_path() / "order.json";
  std::ofstream(order_file) << order.dump();
  const fs::path again = job.output().parent_path() / "again";
  const auto run = [&](const fs::path& output, const fs::path& order) { return run_reprint(job, output, order, "2"); };
  kuvert::test::require_success(run(again, order_file), "kuvert run --reprint");
  CHECK_FALSE(fs::exists(again / "N0001.pdf"));
  std::vector<std::string> replaced;
  std::vector<std::string> reprinted_pages;
  for (const char* name : {"N0003", "N0004"}) {
    INFO(name);
    const auto ticket = json::parse(read_file(again / (std::string(name) + ".json")));
    std::set<std::string> documents;
    for (const auto& row : read_csv(read_file(again / (std::string(name) + ".csv")))) {
      CHECK(row.at("piece_id").find(std::string("-") + name + "-") != std::string::npos);
      for (const auto& document : words(row.at("documents"))) documents.insert(document);
    }
    // Exactly the failed pieces whose documents this run carries.
    std::vector<std::string> expected;
    for (const auto& piece : order["pieces"])
      if (documents.contains(piece["documents"][0])) expected.push_back(piece["piece"]);
    CHECK(ticket["reprint_of"]["run"] == "R0001");
    CHECK(ticket["reprint_of"]["pieces"].get<std::vector<std::string>>() == expected);
    replaced.insert(replaced.end(), expected.begin(), expected.end());
    for (const auto& page : kuvert::test::page_texts(again / (std::string(name) + ".pdf")))
      reprinted_pages.push_back(page);
  }
  CHECK(replaced == std::vector<std::string>{order["pieces"][0]["piece"], order["pieces"][1]["piece"],
                                             order["pieces"][2]["piece"]});
  CHECK_FALSE(fs::exists(again / "N0005.pdf"));
  // The same letters, word for word: duplex sheets of one page and a blank back.
  const auto original = kuvert::test::page_texts(job.output() / "R0001.pdf");
  REQUIRE(reprinted_pages.size() == 6);
  CHECK(reprinted_pages[0] == original[0]);
  CHECK(reprinted_pages[2] == original[4]);
  CHECK(reprinted_pages[4] == original[8]);

  // An order naming a document the job does not have.
  order["pieces"][1]["documents"] = {"K-2026-999999"};
  std::ofstream(order_file) << order.dump();
  const auto refused = run(job.output().parent_path() / "refused", order_file);
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("K-2026-999999") != std::string::npos);
  CHECK_FALSE(fs::exists(job.output().parent_path() / "refused"));
}

TEST_CASE("A data job's reprint composes only the letters to reprint, word for word as before", "[e2e]") {
  kuvert::SampleRecordsOptions options;
  options.records = 30;
  options.foreign_share = 0;
  kuvert::test::KuvertJob job(options);
  kuvert::test::require_success(job.run(), "kuvert run");
  const auto pieces = read_csv(read_file(job.output() / "R0001.csv"));
  REQUIRE(pieces.size() > 10);
  json order{{"run", "R0001"}, {"first_run", 1}, {"pieces", json::array()}};
  for (const std::size_t i : {3u, 9u})
    order["pieces"].push_back({{"piece", pieces[i].at("piece_id")}, {"documents", words(pieces[i].at("documents"))}});
  const fs::path order_file = job.output().parent_path() / "order.json";
  std::ofstream(order_file) << order.dump();
  // A record of another piece that no longer composes (a character no
  // font has): left unread as a letter, it cannot fail the reprint.
  const std::string kept = order["pieces"][0]["documents"][0], other = order["pieces"][1]["documents"][0];
  job.edit_records([&](std::vector<std::string>& lines) {
    for (auto& line : lines) {
      auto record = json::parse(line);
      if (record["id"] != kept && record["id"] != other) record["property"] = "山田町 1";
      line = record.dump();
    }
  });
  const fs::path again = job.output().parent_path() / "again";
  const auto made = run_reprint(job, again, order_file, "2000");
  kuvert::test::require_success(made, "kuvert run --reprint");
  const auto reprinted = read_csv(read_file(again / "N0001.csv"));
  REQUIRE(reprinted.size() == 2);
  CHECK(reprinted[0].at("documents") == pieces[3].at("documents"));
  CHECK(reprinted[1].at("documents") == pieces[9].at("documents"));
  // Page for page the letters of those pieces (the run's sheets in order).
  const auto original = kuvert::test::page_texts(job.output() / "R0001.pdf");
  const auto again_pages = kuvert::test::page_texts(again / "N0001.pdf");
  std::vector<std::string> expected;
  for (const std::size_t i : {3u, 9u})
    for (int sheet = std::stoi(pieces[i].at("first_sheet")); sheet <= std::stoi(pieces[i].at("last_sheet")); ++sheet)
      for (int side = 0; side < 2; ++side) expected.push_back(original.at(2 * (sheet - 1) + side));
  CHECK(again_pages == expected);
  CHECK(json::parse(read_file(again / "summary.json"))["documents"] == reprinted.size());
}

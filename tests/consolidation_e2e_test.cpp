// Many letters to one recipient, end to end: pieces stop at what the
// inserter and the post take, and a piece no postage product takes is
// never counted at 0 cents.
#include <catch2/catch.hpp>
#include <fstream>

#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"

namespace {

using namespace kuvert::test;
using nlohmann::json;

json read_json(const std::filesystem::path& path) { return json::parse(std::ifstream(path)); }

// Every document of the job to the first one's recipient.
void one_recipient(KuvertJob& job) {
  job.edit_manifest([](json& m) {
    for (auto& document : m["documents"]) document["recipient"] = m["documents"][0]["recipient"];
  });
}

}  // namespace

TEST_CASE("a recipient's many letters become pieces that the inserter and the post take", "[e2e]") {
  KuvertJob job(plain_job(52, 10, "nachlauf"));  // 5 sheets each, 260 in all
  one_recipient(job);
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto summary = read_json(job.output() / "summary.json");
  CHECK(summary["documents"] == 52);
  CHECK(summary["manual_pieces"] == 0);
  CHECK(summary["unpriced_pieces"] == 0);
  std::size_t documents = 0, pieces = 0;
  long cents = 0;
  for (const auto& run : summary["runs"]) {
    const auto id = run["run"].get<std::string>();
    for (const auto& row : read_csv(read_file(job.output() / (id + ".csv")))) {
      INFO(row.at("piece_id") << ": " << row.at("sheets") << " sheets, " << row.at("weight_g") << " g");
      CHECK(std::stoi(row.at("sheets")) <= 60);  // generic-omr's flat limit
      CHECK_FALSE(row.at("product").empty());
      CHECK(row.at("manual_reason").empty());
      cents += std::stol(row.at("postage_cents"));
      for (char c : row.at("documents") + " ") documents += c == ' ' ? 1 : 0;
      ++pieces;
    }
  }
  CHECK(documents == 52);
  CHECK(pieces == 5);  // 12 letters (60 sheets) a piece
  CHECK(summary["postage_cents"] == cents);
}

TEST_CASE("a piece no postage product takes has no postage, and its run no total", "[e2e][slow]") {
  KuvertJob job(plain_job(1, 404, "akte"));  // 202 sheets, over 1,000 g
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto summary = read_json(job.output() / "summary.json");
  CHECK(summary["manual_pieces"] == 1);
  CHECK(summary["unpriced_pieces"] == 1);
  CHECK(summary["postage_cents"].is_null());
  bool found = false;
  for (const auto& run : summary["runs"]) {
    const auto id = run["run"].get<std::string>();
    const auto ticket = read_json(job.output() / (id + ".json"));
    if (!ticket["production"]["manual_handling"].get<bool>()) continue;
    found = true;
    CHECK(ticket["postage"]["total_cents"].is_null());
    CHECK(ticket["postage"]["unpriced_pieces"] == 1);
    CHECK_FALSE(ticket["postage"]["products"].contains("(none)"));
    const auto rows = read_csv(read_file(job.output() / (id + ".csv")));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].at("product").empty());
    CHECK(rows[0].at("postage_cents").empty());
    CHECK(rows[0].at("manual_reason").find("1000 g") != std::string::npos);
  }
  CHECK(found);
}

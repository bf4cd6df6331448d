// The members' monthly accounts (issue 17): taken from the store, they add
// up to the tickets of the runs produced, to the cent.
#include "pipeline/store/client_accounts.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/config/centre_time.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/store/job_records.hpp"
#include "stages/deliver/client_report.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/store_under_test.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// 2026-11-10 11:00, 2026-11-30 23:30 and 2026-12-01 00:30 in Berlin, and
// 2026-10-31 23:30.
constexpr std::int64_t kNovember10 = 1794304800, kLastOfNovember = 1796077800, kFirstOfDecember = 1796081400,
                       kLastOfOctober = 1793485800;

// A job's tickets summed as an accounts office would: pieces, sheets,
// pages and postage per product.
struct TicketTotals {
  std::int64_t pieces = 0, sheets = 0, pages = 0, documents = 0, inserts = 0;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> products;  // pieces, cents
};

void add_tickets(const fs::path& output, TicketTotals& totals) {
  for (const auto& entry : fs::directory_iterator(output)) {
    const auto name = entry.path().filename().string();
    if (!(name.starts_with("R") && entry.path().extension() == ".json")) continue;
    const auto ticket = json::parse(std::ifstream(entry.path()));
    totals.pieces += ticket["counts"]["pieces"].get<std::int64_t>();
    totals.sheets += ticket["counts"]["sheets"].get<std::int64_t>();
    totals.pages += ticket["counts"]["pages"].get<std::int64_t>();
    totals.documents += ticket["counts"]["documents"].get<std::int64_t>();
    for (const auto& [product, line] : ticket["postage"]["products"].items()) {
      totals.products[product].first += line["pieces"].get<std::int64_t>();
      totals.products[product].second += line["cents"].get<std::int64_t>();
    }
    for (const auto& row : test::read_csv(test::read_file(output / (entry.path().stem().string() + ".csv"))))
      if (!row.at("inserts").empty())
        totals.inserts += 1 + std::count(row.at("inserts").begin(), row.at("inserts").end(), ' ');
  }
}

}  // namespace

TEST_CASE("A client's month adds up to the tickets of its runs, to the cent, in the centre's time",
          "[accounts][postgres]") {
  test::TempFolder temp;
  const test::StoreUnderTest under(GENERATE(test::StoreKind::sqlite, test::StoreKind::postgresql),
                                   temp.path() / "store");
  auto config = test::test_service_config(temp.path());
  config.store_url = under.options().url;
  store::Store store({config.store, config.wal, config.store_url});
  // Two jobs in November (one at its last evening), one an hour later
  // (December in Berlin) and one the evening before November: only the
  // first two count. One letter goes abroad, two carry inserts.
  const auto with_extras = [](const fs::path& job) {
    auto manifest = json::parse(std::ifstream(job / "job.json"));
    manifest["documents"][0]["inserts"] = json::array({"feeder-1", "feeder-2"});
    manifest["documents"][1]["recipient"] = {{"name", json::array({"Mario Rossi"})},
                                             {"street", "Via Roma 1"},
                                             {"postcode", "00184"},
                                             {"city", "ROMA"},
                                             {"country", "IT"}};
    std::ofstream(job / "job.json") << manifest.dump();
  };
  const auto november =
      test::processed_job(store, config, temp.path(), "grundsteuer", 7, false, kNovember10, with_extras);
  const auto evening = test::processed_job(store, config, temp.path(), "hundesteuer", 4, false, kLastOfNovember);
  test::processed_job(store, config, temp.path(), "dezember", 5, false, kFirstOfDecember);
  test::processed_job(store, config, temp.path(), "oktober", 3, false, kLastOfOctober);
  // A scan batch of 9 pages finished in November, and one in December.
  for (const auto& [input, done] : {std::pair<std::int64_t, std::int64_t>{901, kNovember10}, {902, kFirstOfDecember}}) {
    const auto taking = store::begin_taking(store, "scan", "stapel-" + std::to_string(input), std::to_string(input), "",
                                            done, "test:1:1");
    const auto job =
        store::start_job(store, taking.id, store::JobKind::scan, "scan", "stapel", "musterstadt", "out", done);
    store::finish_job(store, job, store::JobResult{"stapel", 3, 9, 0, {}, "[]"}, "drucker-1", done);
  }

  TicketTotals expected;
  for (const auto job : {november, evening}) add_tickets(store::find_job(store, job)->output, expected);
  REQUIRE(expected.products.size() >= 2);  // Standardbrief, an international one, one for the heavier letter
  REQUIRE(expected.inserts == 2);

  const auto period = CentreTime(config.time_zone).month(*parse_iso_month("2026-11"));
  const auto accounts = store::client_accounts(store, iso_time(period.start), iso_time(period.end));
  REQUIRE(accounts.size() == 1);
  const auto& musterstadt = accounts[0];
  CHECK(musterstadt.client == "musterstadt");
  CHECK(musterstadt.documents == expected.documents);
  CHECK(musterstadt.documents == 11);
  CHECK(musterstadt.pieces == expected.pieces);
  CHECK(musterstadt.sheets == expected.sheets);
  CHECK(musterstadt.print_pages == expected.pages);
  CHECK(musterstadt.inserts == expected.inserts);
  CHECK(musterstadt.scan_pages == 9);
  CHECK(musterstadt.manual_pieces == 0);
  std::int64_t cents = 0;
  for (const auto& line : musterstadt.postage) {
    INFO(line.product);
    CHECK(line.pieces == expected.products.at(line.product).first);
    CHECK(line.cents == expected.products.at(line.product).second);
    CHECK(line.unpriced == 0);
    cents += expected.products.at(line.product).second;
  }
  CHECK(musterstadt.postage.size() == expected.products.size());
  CHECK(musterstadt.postage_cents() == cents);

  // The CSV: one row, its figures and a pair of columns per product.
  const auto rows = test::read_csv(client_report_csv("2026-11", accounts));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].at("postage_cents") == std::to_string(cents));
  CHECK(rows[0].at("pieces") == std::to_string(expected.pieces));
  CHECK(rows[0].at("postage_cents Standardbrief") == std::to_string(expected.products.at("Standardbrief").second));
}

TEST_CASE("A month's accounts stay as they were when a run of it is cancelled later", "[accounts][postgres]") {
  test::TempFolder temp;
  const test::StoreUnderTest under(GENERATE(test::StoreKind::sqlite, test::StoreKind::postgresql),
                                   temp.path() / "store");
  auto config = test::test_service_config(temp.path());
  config.store_url = under.options().url;
  store::Store store({config.store, config.wal, config.store_url});
  const auto cancelled_in_november = test::processed_job(store, config, temp.path(), "falsch", 3, false, kNovember10);
  const auto cancelled_in_december = test::processed_job(store, config, temp.path(), "spaet", 2, false, kNovember10);
  const auto cancel_runs = [&](std::int64_t job, std::int64_t at) {
    for (const auto& run : store::runs_of_job(store, job))
      store::act_on_run(store, run.id, store::RunAction::cancel, {"anna", store::Role::operator_}, at);
  };
  const auto period = CentreTime(config.time_zone).month(*parse_iso_month("2026-11"));
  const auto november = [&] { return store::client_accounts(store, iso_time(period.start), iso_time(period.end)); };
  REQUIRE(november().size() == 1);
  const auto pieces_before = november()[0].pieces;

  cancel_runs(cancelled_in_november, kLastOfNovember);
  TicketTotals kept;
  add_tickets(store::find_job(store, cancelled_in_december)->output, kept);
  REQUIRE(november().size() == 1);
  CHECK(november()[0].pieces == kept.pieces);
  CHECK(november()[0].pieces < pieces_before);
  // Once November is billed, a cancellation in December changes it no more.
  cancel_runs(cancelled_in_december, kFirstOfDecember);
  REQUIRE(november().size() == 1);
  CHECK(november()[0].pieces == kept.pieces);
  CHECK(november()[0].print_pages == kept.pages);
  const auto december = CentreTime(config.time_zone).month(*parse_iso_month("2026-12"));
  CHECK(store::client_accounts(store, iso_time(december.start), iso_time(december.end)).empty());
}

#include <catch2/catch.hpp>

#include "pipeline/model/job_summary.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "pipeline/model/scan_summary.hpp"

using nlohmann::json;

namespace {

kuvert::JobSummary data_job_summary() {
  kuvert::JobSummary summary;
  summary.job = "Grundsteuer 2027";
  summary.client = "musterstadt";
  summary.documents = 3;
  summary.pieces = 3;
  summary.pages = 6;
  summary.runs.push_back({"R0001", "R0001.pdf", 3, 3, false});
  summary.rejected_records = 2;
  summary.exceptions = "exceptions.csv";
  return summary;
}

}  // namespace

TEST_CASE("a job summary reads back what it wrote, postage unknown as null", "[model][results]") {
  const auto summary = data_job_summary();
  const json written = summary;
  CHECK(written["postage_cents"].is_null());
  CHECK(written["rejected_records"] == 2);
  const auto read = written.get<kuvert::JobSummary>();
  CHECK(json(read) == written);
  CHECK_FALSE(read.postage_cents.has_value());
  CHECK(read.exceptions == "exceptions.csv");
}

TEST_CASE("a print-file job's summary has no rejected records or exceptions keys", "[model][results]") {
  auto summary = data_job_summary();
  summary.rejected_records.reset();
  summary.exceptions.reset();
  summary.postage_cents = 255;
  const json written = summary;
  CHECK_FALSE(written.contains("rejected_records"));
  CHECK_FALSE(written.contains("exceptions"));
  CHECK(written["postage_cents"] == 255);
  CHECK_FALSE(written.get<kuvert::JobSummary>().rejected_records.has_value());
}

TEST_CASE("a result file without a key it must have fails to read instead of counting 0", "[model][results]") {
  json summary = data_job_summary();
  summary.erase("pages");
  CHECK_THROWS_AS(summary.get<kuvert::JobSummary>(), json::out_of_range);

  json ticket = kuvert::RunTicket{};
  CHECK_NOTHROW(ticket.get<kuvert::RunTicket>());
  ticket["counts"].erase("sensitive_documents");
  CHECK_THROWS_AS(ticket.get<kuvert::RunTicket>(), json::out_of_range);
  ticket = kuvert::RunTicket{};
  ticket["counts"]["pages"] = "12";  // a number written as text
  CHECK_THROWS_AS(ticket.get<kuvert::RunTicket>(), json::type_error);

  json scan = kuvert::ScanSummary{};
  scan.erase("documents");
  CHECK_THROWS_AS(scan.get<kuvert::ScanSummary>(), json::out_of_range);
}

TEST_CASE(
    "a ticket from before control files, reprints and due dates reads as one with none, but nothing else may be "
    "missing",
    "[model][results]") {
  json ticket = kuvert::RunTicket{};
  ticket.erase("control_files");
  ticket.erase("reprint_of");
  ticket.erase("due");
  CHECK(kuvert::read_run_ticket(ticket).control_files.empty());
  CHECK_FALSE(kuvert::read_run_ticket(ticket).reprint_of);
  CHECK_FALSE(kuvert::read_run_ticket(ticket).due);
  ticket["production"].erase("form");
  CHECK(kuvert::read_run_ticket(ticket).production.form == "B");
  kuvert::RunTicket due;
  due.due = "2026-12-10";
  CHECK(json(due)["due"] == "2026-12-10");
  CHECK(kuvert::read_run_ticket(json(due)).due == "2026-12-10");
  kuvert::RunTicket reprint;
  reprint.reprint_of = kuvert::TicketReprint{"R0001", {"0000002A-R0001-000002"}};
  CHECK(json(reprint)["reprint_of"] == json{{"run", "R0001"}, {"pieces", {"0000002A-R0001-000002"}}});
  CHECK(kuvert::read_run_ticket(json(reprint)).reprint_of->pieces.front() == "0000002A-R0001-000002");
  CHECK_THROWS_AS(ticket.get<kuvert::RunTicket>(), json::out_of_range);
  ticket.erase("sha256");
  CHECK_THROWS_AS(kuvert::read_run_ticket(ticket), json::out_of_range);
}

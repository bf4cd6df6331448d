// What a request leaves open is filled in by the library, from the
// caller's clock, the same for the command line and the service.
#include <catch2/catch.hpp>

#include "pipeline/driver/proof_job.hpp"
#include "pipeline/driver/run_request.hpp"
#include "pipeline/driver/scan_request.hpp"
#include "pipeline/driver/split_job.hpp"
#include "pipeline/model/error.hpp"

namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kEvening = 1796236800;  // 2026-12-02T18:40:00Z

std::vector<std::string> problem_fields(const kuvert::ScanRequest& request) {
  std::vector<std::string> fields;
  try {
    kuvert::validate(request);
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::usage);
    for (const auto& problem : error.problems()) fields.push_back(problem.where.field);
  }
  return fields;
}

}  // namespace

TEST_CASE("a run request takes today and now from the clock, and its output from the job folder", "[request]") {
  kuvert::RunRequest request;
  request.job = "eingang/Grundsteuer 2027/job.json";
  kuvert::complete(request, kEvening);
  CHECK(request.output == fs::path("out") / "Grundsteuer 2027");
  CHECK(request.production_date == "2026-12-02");
  CHECK(request.created == "2026-12-02T18:40:00Z");

  kuvert::RunRequest folder;
  folder.job = "eingang/Hundesteuer/";
  folder.production_date = "2027-01-04";
  folder.created = "2026-12-01T06:00:00Z";  // the service's time of the job
  kuvert::complete(folder, kEvening);
  CHECK(folder.output == fs::path("out") / "Hundesteuer");
  CHECK(folder.production_date == "2027-01-04");
  CHECK(folder.created == "2026-12-01T06:00:00Z");
}

TEST_CASE("a split's job folder is not where kuvert run of it writes by default", "[request]") {
  kuvert::SplitRequest split;
  split.print_file = "eingang/grundsteuer-2027.pdf";
  kuvert::complete(split);
  CHECK(split.output == fs::path("jobs") / "grundsteuer-2027");
  kuvert::RunRequest run;
  run.job = split.output;
  kuvert::complete(run, kEvening);
  CHECK(run.output == fs::path("out") / "grundsteuer-2027");
  CHECK(run.output != split.output);
}

TEST_CASE("a deterministic run is created at midnight of its production date, whatever the clock", "[request]") {
  kuvert::RunRequest request;
  request.job = "job";
  request.deterministic = true;
  request.production_date = "2027-01-04";
  request.created = "2026-12-01T06:00:00Z";
  kuvert::complete(request, kEvening);
  CHECK(request.created == "2027-01-04T00:00:00Z");

  kuvert::ProofRequest proof;
  proof.run.job = "eingang/Hundesteuer";
  proof.run.deterministic = true;
  kuvert::complete(proof, kEvening);
  CHECK(proof.file == fs::path("out") / "Hundesteuer-proof.pdf");
  CHECK(proof.run.created == "2026-12-02T00:00:00Z");
}

TEST_CASE("a scan request is named by its output folder, which is named by the clock", "[request]") {
  kuvert::ScanRequest request;
  request.inputs = {"scanner/batch.tif"};
  kuvert::complete(request, kEvening);
  CHECK(request.output == fs::path("out") / "scan-20261202-184000");
  CHECK(request.name == "scan-20261202-184000");
  CHECK(request.created == "2026-12-02T18:40:00Z");

  kuvert::ScanRequest named;
  named.output = "archiv/post/";
  named.deterministic = true;
  kuvert::complete(named, kEvening);
  CHECK(named.name == "post");
  CHECK(named.created == "2000-01-01T00:00:00Z");
}

TEST_CASE("a scan request names every problem at once, as usage errors", "[request]") {
  kuvert::ScanRequest request;
  request.output = "out/x";
  request.layouts = fs::path(KUVERT_SOURCE_DIR) / "layouts";
  request.name = "../post";
  request.threads = 300;
  CHECK(problem_fields(request) == std::vector<std::string>{"input", "--threads", "--name"});
  request.inputs = {"a.tif"};
  request.threads = 2;
  request.name = "POST-7";
  CHECK(problem_fields(request).empty());
  request.layouts = "/no/such/layouts";
  CHECK(problem_fields(request) == std::vector<std::string>{"--layouts"});
}

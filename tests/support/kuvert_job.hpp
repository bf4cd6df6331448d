#pragma once
// A small generated print-file job in a temp folder, and `kuvert run` on it.
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_job/sample_job.hpp"
#include "tools/sample_job/sample_records.hpp"

namespace kuvert::test {

class KuvertJob {
 public:
  explicit KuvertJob(const SampleJobOptions& options);
  // A data job: job.json naming a layout, and records.jsonl.
  explicit KuvertJob(const SampleRecordsOptions& options);

  const std::filesystem::path& folder() const { return folder_; }
  std::filesystem::path output() const { return temp_.path() / "out"; }
  const std::vector<SampleDocument>& documents() const { return documents_; }

  // Rewrites job.json through `change`.
  void edit_manifest(const std::function<void(nlohmann::json&)>& change);
  // Rewrites a data job's records.jsonl through `change`, a line each.
  void edit_records(const std::function<void(std::vector<std::string>& lines)>& change);
  ProcessResult run(const std::vector<std::string>& extra = {}) const;
  // `kuvert proof` of the job into `file`, with the run's layouts, fonts and date.
  ProcessResult proof(const std::filesystem::path& file, const std::vector<std::string>& extra = {}) const;

 private:
  TempFolder temp_;
  std::filesystem::path folder_;
  std::vector<SampleDocument> documents_;
};

// Options for a plain job: `documents` letters of `pages` pages, every
// recipient different, no inserts, all domestic.
SampleJobOptions plain_job(std::size_t documents, std::uint32_t pages, const std::string& name = "test-job");

std::filesystem::path source_dir();

// `kuvert ARGS...`; run, split and proof with the shipped layouts and
// fonts unless ARGS give their own.
ProcessResult kuvert_cli(std::vector<std::string> args);

}  // namespace kuvert::test

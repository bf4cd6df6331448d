#pragma once
// A service folder for end-to-end tests of `kuvert serve`: kuvert.toml, the
// store, a printer folder with its results folder and four inboxes (jobs
// polled every 0.2 s, jobs taken only by trigger file, scans, Nachbarstadt's
// salary statements as print files without an index), and what the tests
// do there.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/store/job_records.hpp"
#include "pipeline/store/store.hpp"
#include "tests/support/service_process.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert::test {

class ServiceSite {
 public:
  // `printer_settings`: further keys of its [[printer]] (reconciliation).
  // `store_url`: the store's database in PostgreSQL, shared by the
  // processes started here, whose leases run `lease_seconds`;
  // `store_settings`: further keys of [store], a line each.
  explicit ServiceSite(const std::string& printer_settings = {}, const std::string& store_url = {},
                       int lease_seconds = 30, const std::string& store_settings = {});

  std::filesystem::path config() const { return temp_.path() / "kuvert.toml"; }
  std::filesystem::path inbox_folder(const std::string& name) const { return temp_.path() / "eingang" / name; }
  std::filesystem::path printer() const { return temp_.path() / "drucker"; }
  std::filesystem::path results() const { return temp_.path() / "drucker-ergebnisse"; }
  std::filesystem::path return_folder() const { return temp_.path() / "rueckgabe"; }
  std::filesystem::path staging() const { return temp_.path() / "staging"; }
  store::Store store() const { return store::Store({temp_.path() / "store", true, store_url_}); }
  // `kuvert serve`, or `kuvert worker` (`command`), logging to `log_name`
  // in the site.
  std::unique_ptr<ServiceProcess> start(const std::string& command = "serve",
                                        const std::string& log_name = "serve.log") const;
  std::string log(const std::string& log_name = "serve.log") const;

  // A job folder of `documents` one-page letters made elsewhere and moved
  // in at once, as a specialist application should deliver; `inserter`
  // "" for the job's default.
  std::filesystem::path drop_job(const std::string& inbox, const std::string& name, std::size_t documents = 2,
                                 bool sensitive = false, const std::string& inserter = "") const;
  // A file (a print file, a scan) copied elsewhere and moved in at once as `name`.
  void drop_file(const std::string& inbox, const std::filesystem::path& file, const std::string& name) const;
  // A results file written elsewhere and moved in at once.
  void drop_results(const std::string& name, const std::string& text) const;

  std::vector<store::InputRecord> inputs(store::InputState state, const std::string& inbox = "") const;
  std::vector<store::RunRecord> runs(std::optional<store::RunState> state = std::nullopt) const;
  std::vector<store::JobRecord> jobs() const;

 private:
  TempFolder temp_;
  std::string store_url_;
};

std::int64_t now();

// A run of `documents` pieces, made by the service from a job dropped into
// "steuer", released by an operator and delivered.
store::RunRecord delivered_run(const ServiceSite& site, const std::string& name, std::size_t documents,
                               const std::string& inserter = "");

// A piece's insert status as its name, "not set" when it has none.
std::string status_of(store::Store& store, const std::string& piece);

// The run file's name in the printer folder without ".pdf", which its
// results file is named after.
std::string delivered_stem(const store::RunRecord& run);

std::size_t audit_count(store::Store& store, const std::string& action);

// After a crash or a kill: `count` jobs of as many names, each done with its
// run, nothing failed or refused as a duplicate, and no job's working
// folder left behind.
void check_jobs_done_once(const ServiceSite& site, std::size_t count);

}  // namespace kuvert::test

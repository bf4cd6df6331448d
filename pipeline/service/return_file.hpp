#pragma once
// The posting records a job's specialist application gets back (README,
// "Posting records"): once every run of the job is closed (or cancelled),
// one record per document, as JSON Lines and as CSV, into the job inbox's
// `return` folder: what became of the notice, when it was posted, and from
// when it counts as notified (stages/reconcile/notification_date.hpp) under
// its client's rules.
//
// Written once: the files are made under hidden temporary names, the job is
// marked "writing", then each is filled and renamed into place, and the job
// marked returned. After a crash a file whose temporary name is gone was
// renamed already and is not written again (its application may have
// taken it), as a run's delivery to its printer is not repeated.
#include <cstdint>
#include <functional>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/profiles/load_notification_rules.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

// "J12-grundsteuer-2026.posting.jsonl" and ".posting.csv".
std::string return_file_name(const store::JobRecord& job, const char* extension);

// Returns the posting records of every job of `inbox` that is due
// (jobs_due_for_return); throws kuvert::Error (system) when a file cannot
// be written (tried again later).
void return_posting_records(store::Store& store, const Inbox& inbox, const NotificationRules& rules, std::int64_t now,
                            const std::function<void(const std::string&)>& log);

}  // namespace kuvert::service

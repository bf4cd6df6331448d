#pragma once
// A sample job taken into a store and processed as the service does it
// (input recorded, moved into the store, run_job, runs awaiting release).
#include <filesystem>
#include <functional>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::test {

// The worker (store/work_claims.hpp) the tests process and deliver as.
inline const std::string kTestWorker = "test:1:1";

// A service configuration for tests: the store in `folder`, the shipped
// layouts and fonts, printer "drucker-1" and job inbox "steuer".
ServiceConfig test_service_config(const std::filesystem::path& folder);

// Writes a sample job of `documents` letters (all sensitive if asked) under
// `staging`, takes it into the store through the "steuer" inbox and
// processes it; returns the job's id.
// `tamper`, when given, may change the job folder in the store after it
// was taken and before it is processed. The clock says `now` when the job
// starts and `done_at` (if given) once it has been produced.
std::int64_t processed_job(store::Store& store, const ServiceConfig& config, const std::filesystem::path& staging,
                           const std::string& name, std::size_t documents, bool sensitive, std::int64_t now,
                           const std::function<void(const std::filesystem::path&)>& tamper = {},
                           std::int64_t done_at = 0);

}  // namespace kuvert::test

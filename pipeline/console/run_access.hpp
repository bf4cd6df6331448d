#pragma once
// Who may see what of a run in the console: its record and ticket any
// user, its content (pages, manifest, files) a sensitive run's operators
// and above, each look at a sensitive run's content in the audit trail.
#include <optional>
#include <string>

#include "pipeline/console/console_context.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::console {

// The run a request names (its first match), or nothing after answering 404.
std::optional<store::RunRecord> named_run(ConsoleContext& context, const httplib::Request& request,
                                          httplib::Response& response);

// The run's ticket beside its print file; nothing when it is gone or does
// not read.
std::optional<RunTicket> run_ticket_of(const store::RunRecord& run);

bool content_visible(const store::RunRecord& run, const Session& session);

// A run's file (its manifest, a ticket made in memory) whole; nothing when
// it cannot be read.
std::optional<std::string> read_text(const std::filesystem::path& file);

// A look at content (a sensitive run's, a scanned letter's) in the audit
// trail: "view content" of `object`, with `what` was seen.
void record_content_view(ConsoleContext& context, const Session& session, const std::string& object,
                         const std::string& what);

// Answers 403 when `session` may not see the run's content; a look at a
// sensitive run's content is written to the audit trail with `what`.
bool may_see_content(ConsoleContext& context, const Session& session, const store::RunRecord& run,
                     const std::string& what, httplib::Response& response);

}  // namespace kuvert::console

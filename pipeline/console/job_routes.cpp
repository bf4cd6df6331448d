// GET /api/overview, /api/jobs, /api/jobs/{id}.
#include <fstream>

#include "pipeline/console/console_context.hpp"
#include "pipeline/console/console_json.hpp"
#include "pipeline/console/page_thumbnail.hpp"
#include "pipeline/console/run_access.hpp"
#include "pipeline/inbox/inbox_listing.hpp"
#include "pipeline/model/counted.hpp"
#include "pipeline/model/scan_summary.hpp"
#include "pipeline/store/work_claims.hpp"

namespace kuvert::console {

namespace {

using namespace kuvert::store;
namespace fs = std::filesystem;

nlohmann::json counts_json(Store& store, Counted what) {
  auto counts = nlohmann::json::object();
  for (const auto& [state, count] : count_by_state(store, what)) counts[state] = count;
  return counts;
}

std::size_t refused_in(const fs::path& inbox) {
  std::size_t count = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(inbox / "error", error)) {
    const std::string name = entry.path().filename().string();
    count += name.size() > 10 && name.compare(name.size() - 10, 10, ".error.txt") == 0 ? 1 : 0;
  }
  return count;
}

nlohmann::json overview(ConsoleContext& context) {
  auto& store = context.store();
  auto inboxes = nlohmann::json::array();
  for (const auto& inbox : context.config.inboxes)
    inboxes.push_back({{"name", inbox.name},
                       {"kind", name(inbox.kind)},
                       {"client", inbox.client},
                       {"folder", inbox.folder.string()},
                       {"waiting", list_inbox(inbox.folder).size()},
                       {"refused", refused_in(inbox.folder)}});
  const auto today = context.centre_time.day_of(context.clock());
  const auto totals = production_between(store, iso_time(today.start), iso_time(today.end));
  // What needs a person first: runs in attention, with why.
  auto attention = nlohmann::json::array();
  for (const auto& run : list_runs(store, RunState::attention))
    attention.push_back({{"id", run.id},
                         {"number", run_number(run.job, run.name)},
                         {"job_name", run.job_name},
                         {"name", run.name},
                         {"attention", run.attention}});
  // The processes at work on the store, on whichever host (work_claims.hpp).
  auto workers = nlohmann::json::array();
  for (const auto& worker : list_workers(store))
    workers.push_back({{"host", worker.host},
                       {"pid", worker.pid},
                       {"kind", worker.kind},
                       {"started", worker.started_at},
                       {"heartbeat", iso_time(worker.heartbeat_at)},
                       {"doing", worker.doing},
                       {"alive", worker.alive}});
  return {{"attention", attention},
          {"inboxes", inboxes},
          {"workers", workers},
          {"inputs", counts_json(store, Counted::inputs)},
          {"jobs", counts_json(store, Counted::jobs)},
          {"runs", counts_json(store, Counted::runs)},
          {"today",
           {{"date", today.date},
            {"printed_pages", totals.printed_pages},
            {"produced_pages", totals.produced_pages},
            {"produced_pieces", totals.pieces},
            {"scanned_pages", totals.scanned_pages}}}};
}

// A scan job's archived documents, from the batch's summary (none when it
// is gone or does not read).
std::vector<ScanSummaryDocument> scan_documents(const JobRecord& job) {
  if (job.kind != JobKind::scan) return {};
  try {
    std::ifstream summary(fs::path(job.output) / "summary.json");
    return nlohmann::json::parse(summary).get<ScanSummary>().documents;
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

// From a document's index record: how sure the OCR was, the fields the
// profile found, the pages dropped as blank (source file's name and page). Empty
// when the record is gone or does not read.
nlohmann::json index_facts(const JobRecord& job, const ScanSummaryDocument& document) {
  try {
    std::ifstream in(fs::path(job.output) / fs::path(document.index).filename());
    const auto index = nlohmann::json::parse(in);
    auto dropped = nlohmann::json::array();
    for (const auto& page : index.at("dropped_pages"))
      dropped.push_back(
          {{"source", fs::path(page.at("source").get<std::string>()).filename().string()}, {"page", page.at("page")}});
    return {
        {"mean_confidence", index.at("mean_confidence")}, {"fields", index.at("fields")}, {"dropped_pages", dropped}};
  } catch (const nlohmann::json::exception&) {
    return nlohmann::json::object();
  }
}

}  // namespace

void add_job_routes(httplib::Server& server, ConsoleContext& context) {
  server.Get("/api/overview", [&context](const httplib::Request& request, httplib::Response& response) {
    if (session_of(context, request, response, false)) send_json(response, 200, overview(context));
  });
  server.Get("/api/jobs", [&context](const httplib::Request& request, httplib::Response& response) {
    if (!session_of(context, request, response, false)) return;
    auto jobs = nlohmann::json::array();
    for (const auto& job : list_jobs(context.store())) jobs.push_back(job_json(job));
    send_json(response, 200, jobs);
  });
  server.Get(R"(/api/jobs/(\d+))", [&context](const httplib::Request& request, httplib::Response& response) {
    const auto session = session_of(context, request, response, false);
    if (!session) return;
    std::optional<JobRecord> job;
    try {
      job = find_job(context.store(), std::stoll(request.matches[1]));
    } catch (const std::out_of_range&) {
    }
    if (!job) return send_error(response, 404, "no such job");
    auto body = job_json(*job);
    auto runs = nlohmann::json::array();
    for (const auto& run : runs_of_job(context.store(), job->id)) runs.push_back(run_json(run));
    body["runs"] = runs;
    if (job->kind == JobKind::scan) {
      // The archived documents, from the batch's summary (none when it
      // is gone or does not read).
      auto documents = nlohmann::json::array();
      // What the letters say (fields, confidence, previews) is content:
      // for operators and above, and in the audit trail, as a sensitive run's.
      const bool content = session->role >= Role::operator_;
      for (const auto& document : scan_documents(*job)) {
        nlohmann::json shown = document;
        if (content) shown.update(index_facts(*job, document));
        documents.push_back(std::move(shown));
      }
      const std::string object = job_audit_object(job->id);
      if (content && !documents.empty() && context.sessions.first_look(session_token(request), object))
        record_content_view(
            context, *session, object,
            "index fields and previews of " + counted(documents.size(), "archived document", "archived documents"));
      body["archive"] = {{"folder", job->output}, {"documents", documents}};
    }
    const auto input = find_input(context.store(), job->input);
    if (input) body["source"] = {{"name", input->name}, {"received", input->received_at}, {"place", input->place}};
    send_json(response, 200, body);
  });
  // The first page of an archived document, small.
  server.Get(R"(/api/jobs/(\d+)/documents/(\d+)/preview\.png)", [&context](const httplib::Request& request,
                                                                           httplib::Response& response) {
    const auto session = session_of(context, request, response, false);
    if (!session) return;
    if (session->role < Role::operator_)
      return send_error(response, 403, "what a scanned letter says is for operators and above", "sensitive_content");
    std::optional<JobRecord> job;
    std::optional<std::size_t> index;
    try {
      job = find_job(context.store(), std::stoll(request.matches[1]));
      index = std::stoul(request.matches[2]);
    } catch (const std::logic_error&) {
    }
    const auto documents = job ? scan_documents(*job) : std::vector<ScanSummaryDocument>();
    if (!index || *index >= documents.size())
      return send_error(response, 404, "no such archived document", "no_document");
    const auto png = page_thumbnail(fs::path(job->output) / fs::path(documents[*index].file).filename(), 0, 50);
    if (!png) return send_error(response, 404, "the archived document is gone", "no_document");
    // Once a session: the job's page that shows it was audited already.
    const std::string object = job_audit_object(job->id);
    if (context.sessions.first_look(session_token(request), object))
      record_content_view(context, *session, object, "preview of archived document " + documents[*index].id);
    response.set_header("Cache-Control", "no-store");
    response.set_content(*png, "image/png");
  });
}

}  // namespace kuvert::console

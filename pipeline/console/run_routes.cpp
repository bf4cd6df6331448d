// GET /api/runs, /api/runs/{id}, /api/runs/{id}/manifest,
// /api/runs/{id}/pages/{n}.png; POST /api/runs/{id}/{action}.

#include "pipeline/console/console_context.hpp"
#include "pipeline/console/console_json.hpp"
#include "pipeline/console/page_thumbnail.hpp"
#include "pipeline/console/reconcile_request.hpp"
#include "pipeline/console/run_access.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/piece_verdicts.hpp"
#include "stages/ingest/strict_json.hpp"

namespace kuvert::console {

namespace {

using namespace kuvert::store;
namespace fs = std::filesystem;

constexpr int kThumbnailPages = 4;

// What `session`'s user may do to `run` now: the rule the server applies
// to a request (run_workflow.hpp), so the console offers nothing it would
// then refuse.
nlohmann::json allowed_actions(ConsoleContext& context, const RunRecord& run, const Session& session) {
  const Printer* printer = printer_named(context.config.printers, run.printer);
  RunFacts facts = run_facts(context.store(), run, (printer ? *printer : Printer{}).max_reprint_percent);
  facts.pieces.unset = 0;  // the reconcile form decides the pieces without a status
  auto actions = nlohmann::json::array();
  for (const auto action : {RunAction::release, RunAction::confirm, RunAction::hold, RunAction::cancel,
                            RunAction::mark_printed, RunAction::mark_inserted, RunAction::reconcile, RunAction::clear,
                            RunAction::mark_posted, RunAction::close, RunAction::redeliver})
    if (decide(facts, action, {session.user, session.role}).next) actions.push_back(std::string(name(action)));
  return actions;
}

// What became of a run's pieces: counts by status, the pieces that did not
// simply go out (their documents only for those who may see the content),
// and the runs it is a reprint of or was reprinted in.
nlohmann::json reconciliation_json(Store& store, const RunRecord& run, bool content) {
  constexpr std::int64_t kShownPieces = 200;
  auto problems = nlohmann::json::array();
  for (const auto& piece : problem_pieces(store, run.id, kShownPieces)) {
    nlohmann::json shown{{"piece", piece.id},
                         {"sequence", piece.sequence},
                         {"status", name(*piece.status)},
                         {"at", piece.status_at},
                         {"station", piece.station}};
    // Which documents, and why one was pulled, are content.
    if (content) shown["documents"] = piece.documents, shown["note"] = piece.note;
    problems.push_back(std::move(shown));
  }
  auto reprints = nlohmann::json::array();
  for (const auto& reprint : reprints_of(store, run.id))
    reprints.push_back({{"id", reprint.id},
                        {"name", reprint.name},
                        {"number", run_number(reprint.job, reprint.name)},
                        {"state", name(reprint.state)}});
  const auto parent = run.parent != 0 ? find_run(store, run.parent) : std::nullopt;
  return {{"statuses", pieces_by_status(store, run.id)},
          {"reprint_of_number", parent ? nlohmann::json(run_number(parent->job, parent->name)) : nlohmann::json()},
          {"problem_pieces", problems},
          {"problem_pieces_shown", kShownPieces},
          {"reprints", reprints},
          {"reprint_problem", run.reprint_problem},
          {"posted_on", run.posted_on}};
}

// A reconciliation's body as the store takes it: the verdicts and the
// finding, or why the body is refused.
struct Settlement {
  PieceVerdicts verdicts;
  std::string finding;
  std::string problem;  // empty when the body reads
};

Settlement settlement_of(const std::string& body) {
  const auto request = read_reconcile_request(body.empty() ? "{}" : body);
  if (!request)
    return {{},
            {},
            "expected {\"set\": {PIECE: VERDICT}, \"rest\": VERDICT, \"reason\": TEXT, \"finding\": TEXT}, "
            "every key optional"};
  Settlement settlement{{}, request->finding, {}};
  const auto verdict = [&settlement](const std::string& text) {
    const auto parsed = parse_piece_verdict(text);
    if (!parsed) settlement.problem = "\"" + text + "\" is not one of ok, reprint, pull, hand-mail";
    return parsed;
  };
  for (const auto& [piece, text] : request->set)
    if (const auto parsed = verdict(text)) settlement.verdicts.pieces.emplace_back(piece, *parsed);
  if (!request->rest.empty()) settlement.verdicts.rest = verdict(request->rest);
  settlement.verdicts.reason = request->reason;
  return settlement;
}

// A redelivery's {"reason": TEXT}; nothing when the body does not read.
std::optional<std::string> reason_of(const std::string& body) {
  constexpr std::size_t kLongest = 2000;
  try {
    const auto value = parse_strict_json(body);
    const auto reason = value.find("reason");
    if (!value.is_object() || value.size() != 1 || reason == value.end() || !reason->is_string() ||
        reason->get<std::string>().size() > kLongest)
      return std::nullopt;
    return reason->get<std::string>();
  } catch (const JsonRefused&) {
    return std::nullopt;
  }
}

void act(ConsoleContext& context, const httplib::Request& request, httplib::Response& response) {
  const auto session = session_of(context, request, response, true);
  if (!session) return;
  const auto action = parse_run_action(request.matches[2].str());
  if (!action || *action == RunAction::deliver) return send_error(response, 404, "no such action");
  const auto named = named_run(context, request, response);
  if (!named) return;
  try {
    const Actor actor{session->user, session->role};
    RunRecord run;
    if (*action == RunAction::reconcile || *action == RunAction::clear) {
      const auto settlement = settlement_of(request.body);
      if (!settlement.problem.empty()) return send_error(response, 400, settlement.problem);
      const Printer* printer = printer_named(context.config.printers, named->printer);
      run = settle_run(
          context.store(), *named, *action == RunAction::clear, settlement.verdicts, actor, context.clock(),
          {.max_reprint_percent = (printer ? *printer : Printer{}).max_reprint_percent, .finding = settlement.finding});
    } else {
      // Posted today, the centre's day; delivered again for a reason.
      ActionDetails details{.posted_on = context.centre_time.day_of(context.clock()).date};
      if (*action == RunAction::redeliver) {
        const auto reason = reason_of(request.body);
        if (!reason) return send_error(response, 400, "expected {\"reason\": TEXT} (at most 2,000 bytes)");
        details.reason = *reason;
      }
      run = act_on_run(context.store(), named->id, *action, actor, context.clock(), details);
    }
    context.changed();
    send_json(response, 200, run_json(run));
  } catch (const RunRefused& refused) {
    send_error(response, 409, refused.problems().front().message, refused.code(), refused.values());
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::input) throw;
    // One problem in the operator's words; several (pieces of a
    // reconciliation) each with what it concerns.
    send_error(response, 409, error.problems().size() == 1 ? error.problems().front().message : error.what());
  }
}

}  // namespace

void add_run_routes(httplib::Server& server, ConsoleContext& context) {
  server.Get("/api/runs", [&context](const httplib::Request& request, httplib::Response& response) {
    if (!session_of(context, request, response, false)) return;
    std::optional<RunState> state;
    if (request.has_param("state")) {
      state = parse_run_state(request.get_param_value("state"));
      if (!state) return send_error(response, 400, "no such run state: " + request.get_param_value("state"));
    }
    auto runs = nlohmann::json::array();
    for (const auto& run : list_runs(context.store(), state)) runs.push_back(run_json(run));
    send_json(response, 200, runs);
  });
  server.Get(R"(/api/runs/(\d+))", [&context](const httplib::Request& request, httplib::Response& response) {
    const auto session = session_of(context, request, response, false);
    if (!session) return;
    const auto run = named_run(context, request, response);
    if (!run) return;
    auto body = run_json(*run);
    const auto ticket = run_ticket_of(*run);
    body["ticket"] = ticket ? nlohmann::json(*ticket) : nlohmann::json();  // null when gone or unreadable
    // A viewer sees a sensitive run's counts and states, not which
    // documents went to manual handling.
    const bool content = content_visible(*run, *session);
    if (!content && body["ticket"].is_object()) body["ticket"].erase("manual_pieces");
    body["thumbnails"] = content ? std::min(run->pages, std::int64_t{kThumbnailPages}) : 0;
    body["content_visible"] = content;
    body["actions"] = allowed_actions(context, *run, *session);
    body["reconciliation"] = reconciliation_json(context.store(), *run, content);
    send_json(response, 200, body);
  });
  server.Get(R"(/api/runs/(\d+)/manifest)", [&context](const httplib::Request& request, httplib::Response& response) {
    const auto session = session_of(context, request, response, false);
    if (!session) return;
    const auto run = named_run(context, request, response);
    if (!run || !may_see_content(context, *session, *run, "manifest", response)) return;
    const auto manifest = read_text(fs::path(run->file).replace_extension(".csv"));
    if (!manifest) return send_error(response, 404, "the run's manifest is gone");
    response.set_header("Cache-Control", "no-store");
    response.set_content(*manifest, "text/csv; charset=utf-8");
  });
  server.Get(R"(/api/runs/(\d+)/pages/(\d)\.png)",
             [&context](const httplib::Request& request, httplib::Response& response) {
               const auto session = session_of(context, request, response, false);
               if (!session) return;
               const auto run = named_run(context, request, response);
               if (!run) return;
               const int index = std::stoi(request.matches[2]);
               if (!may_see_content(context, *session, *run, "page " + std::to_string(index + 1), response)) return;
               const auto png = index < kThumbnailPages ? page_thumbnail(run->file, index, 40) : std::nullopt;
               if (!png) return send_error(response, 404, "no such page");
               // Personal data is not kept in a browser's cache.
               response.set_header("Cache-Control", run->sensitive ? "no-store" : "private, max-age=300");
               response.set_content(*png, "image/png");
             });
  server.Post(R"(/api/runs/(\d+)/([a-z]+))", [&context](const httplib::Request& request, httplib::Response& response) {
    act(context, request, response);
  });
}

}  // namespace kuvert::console

#include "pipeline/console/run_access.hpp"

#include <fstream>
#include <sstream>

#include "pipeline/model/iso_date.hpp"
#include "pipeline/store/audit_trail.hpp"

namespace kuvert::console {

using namespace kuvert::store;

std::optional<RunRecord> named_run(ConsoleContext& context, const httplib::Request& request,
                                   httplib::Response& response) {
  std::optional<RunRecord> run;
  try {
    run = find_run(context.store(), std::stoll(request.matches[1]));
  } catch (const std::out_of_range&) {
  }
  if (!run) send_error(response, 404, "no such run", "no_run");
  return run;
}

std::optional<RunTicket> run_ticket_of(const RunRecord& run) {
  try {
    std::ifstream ticket(std::filesystem::path(run.file).replace_extension(".json"));
    return read_run_ticket(nlohmann::json::parse(ticket));
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

std::optional<std::string> read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool content_visible(const RunRecord& run, const Session& session) {
  return !run.sensitive || session.role != Role::viewer;
}

bool may_see_content(ConsoleContext& context, const Session& session, const RunRecord& run, const std::string& what,
                     httplib::Response& response) {
  if (!run.sensitive) return true;
  if (!content_visible(run, session)) {
    send_error(response, 403, "the content of a sensitive run is for operators and above", "sensitive_content");
    return false;
  }
  record_content_view(context, session, audit_object(run), what);
  return true;
}

void record_content_view(ConsoleContext& context, const Session& session, const std::string& object,
                         const std::string& what) {
  Transaction transaction(context.store().db());
  append_audit(context.store(), {iso_time(context.clock()), session.user, "view content", object, what});
  transaction.commit();
}

}  // namespace kuvert::console

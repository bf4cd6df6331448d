// GET /api/audit?user=&action=&object=&from=&to=&limit=
#include "pipeline/console/console_context.hpp"
#include "pipeline/console/console_json.hpp"
#include "pipeline/model/iso_date.hpp"

namespace kuvert::console {

namespace {

// Actions whose detail is typed by people or quoted from a job's content.
bool may_name_people(const std::string& action) {
  for (const char* named : {"search", "pieces set", "job failed", "input failed", "input refused"})
    if (action == named) return true;
  return false;
}

}  // namespace

void add_audit_routes(httplib::Server& server, ConsoleContext& context) {
  server.Get("/api/audit", [&context](const httplib::Request& request, httplib::Response& response) {
    const auto session = session_of(context, request, response, false);
    if (!session) return;
    store::AuditFilter filter{request.get_param_value("user"), request.get_param_value("action"),
                              request.get_param_value("object"), request.get_param_value("from"),
                              request.get_param_value("to")};
    for (const char* bound : {"from", "to"})
      if (!request.get_param_value(bound).empty() && !is_iso_date_or_time(request.get_param_value(bound)))
        return send_error(response, 400,
                          std::string(bound) + ": expected a date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)");
    if (request.has_param("limit")) {
      try {
        filter.limit = std::clamp<std::int64_t>(std::stoll(request.get_param_value("limit")), 1, 10000);
      } catch (const std::exception&) {
        return send_error(response, 400, "limit: expected a number");
      }
    }
    auto records = nlohmann::json::array();
    // What a viewer may not read in a sensitive run's content it may not
    // read in the trail either: what was searched for, why a piece was
    // pulled, what a failed input said. That it happened, and who did
    // it, a viewer sees.
    const bool viewer = session->role < store::Role::operator_;
    for (const auto& record : store::read_audit(context.store(), filter))
      records.push_back(audit_json(record, viewer && may_name_people(record.entry.action)));
    send_json(response, 200, records);
  });
}

}  // namespace kuvert::console

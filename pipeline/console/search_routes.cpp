// GET /api/search?q=: where a notice is (store/notice_search.hpp). Every
// search is in the audit trail; a viewer finds a sensitive run's pieces by
// their ids only and sees no recipient of them.
#include "pipeline/console/console_context.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/run_number.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/notice_search.hpp"
#include "pipeline/store/run_workflow.hpp"

namespace kuvert::console {

void add_search_routes(httplib::Server& server, ConsoleContext& context) {
  server.Get("/api/search", [&context](const httplib::Request& request, httplib::Response& response) {
    const auto session = session_of(context, request, response, false);
    if (!session) return;
    const std::string text = request.get_param_value("q");
    if (text.size() < store::kMinSearchLength || text.size() > store::kMaxSearchLength)
      return send_error(response, 400,
                        "q: expected " + std::to_string(store::kMinSearchLength) + " to " +
                            std::to_string(store::kMaxSearchLength) + " characters");
    const bool see_sensitive = session->role != store::Role::viewer;
    const auto hits = store::find_notices(context.store(), text, see_sensitive);
    {
      store::Transaction transaction(context.store().db());
      store::append_audit(context.store(), {iso_time(context.clock()), session->user, "search", "notices",
                                            "\"" + text + "\": " + std::to_string(hits.size()) + " found"});
      transaction.commit();
    }
    auto found = nlohmann::json::array();
    for (const auto& hit : hits)
      found.push_back({{"piece", hit.piece},
                       {"documents", hit.documents},
                       {"recipient", hit.recipient},
                       {"postcode", hit.postcode},
                       {"sheets", hit.sheets},
                       {"status", hit.status},
                       {"run", hit.run},
                       {"run_name", hit.run_name},
                       {"run_number", run_number(hit.job, hit.run_name)},
                       {"run_state", hit.run_state},
                       {"sensitive", hit.sensitive},
                       {"posted_on", hit.posted_on},
                       {"job", hit.job},
                       {"job_name", hit.job_name},
                       {"client", hit.client},
                       {"created", hit.created}});
    response.set_header("Cache-Control", "no-store");
    send_json(response, 200, found);
  });
}

}  // namespace kuvert::console

// GET /api/reports/clients?month=YYYY-MM[&format=csv]: the members' month
// (issue 17), as the console's table or the accounts office's CSV, the
// same figures `kuvert report clients` gives.
#include "pipeline/console/console_context.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/store/client_accounts.hpp"
#include "stages/deliver/client_report.hpp"

namespace kuvert::console {

void add_report_routes(httplib::Server& server, ConsoleContext& context) {
  server.Get("/api/reports/clients", [&context](const httplib::Request& request, httplib::Response& response) {
    if (!session_of(context, request, response, false)) return;
    const std::string month_text = request.get_param_value("month");
    const auto month = parse_iso_month(month_text);
    if (!month) return send_error(response, 400, "month: expected YYYY-MM");
    const auto period = context.centre_time.month(*month);
    const auto accounts = store::client_accounts(context.store(), iso_time(period.start), iso_time(period.end));
    if (request.get_param_value("format") == "csv") {
      response.set_header("Content-Disposition", "attachment; filename=\"kuvert-clients-" + month_text + ".csv\"");
      response.set_content(client_report_csv(month_text, accounts), "text/csv; charset=utf-8");
      return;
    }
    auto clients = nlohmann::json::array();
    for (const auto& account : accounts) {
      auto postage = nlohmann::json::array();
      for (const auto& line : account.postage)
        postage.push_back(
            {{"product", line.product}, {"pieces", line.pieces}, {"cents", line.cents}, {"unpriced", line.unpriced}});
      clients.push_back({{"client", account.client},
                         {"documents", account.documents},
                         {"pieces", account.pieces},
                         {"sheets", account.sheets},
                         {"print_pages", account.print_pages},
                         {"scan_pages", account.scan_pages},
                         {"inserts", account.inserts},
                         {"manual_pieces", account.manual_pieces},
                         {"reprinted_pieces", account.reprinted_pieces},
                         {"reprinted_sheets", account.reprinted_sheets},
                         {"postage_cents", account.postage_cents()},
                         {"postage", postage}});
    }
    send_json(response, 200, {{"month", month_text}, {"time_zone", context.config.time_zone}, {"clients", clients}});
  });
}

}  // namespace kuvert::console

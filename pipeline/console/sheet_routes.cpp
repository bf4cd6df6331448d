// The page viewer: GET /api/runs/{id}/sheets/{n} says where sheet n is and
// what a proof draws over it; GET /api/runs/{id}/sheets/{n}/front.png
// (back.png) ?dpi= renders a side on the server.
#include <cstdio>
#include <filesystem>

#include "pipeline/console/console_context.hpp"
#include "pipeline/console/page_thumbnail.hpp"
#include "pipeline/console/run_access.hpp"
#include "pipeline/console/run_sheet.hpp"
#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/whole_number.hpp"
#include "pipeline/profiles/load_profiles.hpp"

namespace kuvert::console {

namespace {

namespace fs = std::filesystem;
using namespace kuvert::store;

constexpr int kDefaultDpi = 100, kLeastDpi = 24, kMostDpi = 300;

// Whether the run's file has two pages a sheet: as its ticket says, or for
// a run stored before runs kept their sides (schema 10), as its counts do.
bool duplex(const RunRecord& run) {
  if (!run.sides.empty()) return run.sides == "duplex";
  return run.pages >= 2 * run.sheets;
}

// "0.85 0 0" (a PDF colour) as CSS writes it.
std::string css_colour(const char* pdf) {
  double r = 0, g = 0, b = 0;
  std::sscanf(pdf, "%lf %lf %lf", &r, &g, &b);
  char text[8];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", static_cast<int>(r * 255), static_cast<int>(g * 255),
                static_cast<int>(b * 255));
  return text;
}

nlohmann::json zones_json(const std::vector<ProofZone>& zones) {
  auto list = nlohmann::json::array();
  for (const auto& zone : zones)
    list.push_back({{"kind", zone_name(zone.kind)},
                    {"x", zone.box.x},
                    {"y", zone.box.y},
                    {"width", zone.box.width},
                    {"height", zone.box.height},
                    {"line", zone.line},
                    {"dashed", zone.dashed},
                    {"label", zone.label},
                    {"colour", css_colour(zone_colour(zone.kind))}});
  return list;
}

struct AskedSheet {
  RunRecord run;
  RunSheet sheet;
};

// The run and sheet a request names, for a session that may see them
// (`side`: "front", "back", or "" for the sheet as a whole; the look is
// audited for a sensitive run), or nothing after answering.
std::optional<AskedSheet> asked_sheet(ConsoleContext& context, const httplib::Request& request,
                                      httplib::Response& response, const std::string& side) {
  const auto session = session_of(context, request, response, false);
  if (!session) return std::nullopt;
  const auto run = named_run(context, request, response);
  if (!run) return std::nullopt;
  const auto number = whole_number(request.matches[2].str());
  const auto sheet = number
                         ? run_sheet(fs::path(run->file).replace_extension(".csv"), *number, run->sheets, duplex(*run))
                         : std::nullopt;
  if (!sheet) {
    send_error(response, 404, "the run has no sheet " + request.matches[2].str(), "no_sheet",
               {{"sheet", request.matches[2].str()}, {"sheets", std::to_string(run->sheets)}});
    return std::nullopt;
  }
  if (side == "back" && !sheet->duplex) {
    send_error(response, 404, "the run is printed on one side: its sheets have no back", "one_sided");
    return std::nullopt;
  }
  const std::string what = "sheet " + std::to_string(sheet->number) + (side.empty() ? "" : " " + side);
  if (!may_see_content(context, *session, *run, what, response)) return std::nullopt;
  return AskedSheet{*run, *sheet};
}

void sheet_json(ConsoleContext& context, const httplib::Request& request, httplib::Response& response) {
  const auto asked = asked_sheet(context, request, response, "");
  if (!asked) return;
  const auto& [run, sheet] = *asked;
  nlohmann::json body{{"sheet", sheet.number},
                      {"sheets", sheet.sheets},
                      {"duplex", sheet.duplex},
                      {"piece", sheet.piece},
                      {"sequence", sheet.sequence},
                      {"sheet_of_piece", sheet.sheet_of_piece},
                      {"piece_sheets", sheet.piece_sheets},
                      {"envelope", sheet.envelope},
                      {"width_mm", kA4WidthMm},
                      {"height_mm", kA4HeightMm},
                      {"front", nlohmann::json::array()},
                      {"back", nlohmann::json::array()},
                      {"overlay_problem", ""},
                      {"overlay_detail", ""}};
  // The proof's overlay, as far as the ticket and the layouts' profiles
  // tell: what is missing is said (a code for the console, the detail in
  // English), not left out silently.
  const auto ticket = run_ticket_of(run);
  if (!ticket) {
    body["overlay_problem"] = "ticket";
    return send_json(response, 200, body);
  }
  try {
    const auto profiles = load_profiles(context.config.layouts, run.created_at.substr(0, 10));
    std::string missing;
    body["front"] = zones_json(sheet_zones(sheet, false, *ticket, profiles, missing));
    if (sheet.duplex) body["back"] = zones_json(sheet_zones(sheet, true, *ticket, profiles, missing));
    if (!missing.empty()) body["overlay_problem"] = "profile", body["overlay_detail"] = missing;
  } catch (const Error& error) {
    body["overlay_problem"] = "profiles";
    body["overlay_detail"] = error.what();
  }
  send_json(response, 200, body);
}

void sheet_picture(ConsoleContext& context, const httplib::Request& request, httplib::Response& response) {
  // The zoom is checked first: a request refused for it is no look at a run.
  int dpi = kDefaultDpi;
  if (request.has_param("dpi")) {
    const auto asked = whole_number(request.get_param_value("dpi"));
    if (!asked || *asked < kLeastDpi || *asked > kMostDpi)
      return send_error(response, 400,
                        "dpi: expected " + std::to_string(kLeastDpi) + " to " + std::to_string(kMostDpi));
    dpi = static_cast<int>(*asked);
  }
  const bool back = request.matches[3] == "back";
  const auto asked = asked_sheet(context, request, response, back ? "back" : "front");
  if (!asked) return;
  const auto& [run, sheet] = *asked;
  const auto png = page_thumbnail(run.file, static_cast<int>(sheet.front_page + (back ? 1 : 0)), dpi);
  if (!png) return send_error(response, 404, "the run's file has no page for this sheet", "no_page");
  response.set_header("Cache-Control", run.sensitive ? "no-store" : "private, max-age=300");
  response.set_content(*png, "image/png");
}

}  // namespace

void add_sheet_routes(httplib::Server& server, ConsoleContext& context) {
  server.Get(R"(/api/runs/(\d+)/sheets/(\d+))",
             [&context](const httplib::Request& request, httplib::Response& response) {
               sheet_json(context, request, response);
             });
  server.Get(R"(/api/runs/(\d+)/sheets/(\d+)/(front|back)\.png)",
             [&context](const httplib::Request& request, httplib::Response& response) {
               sheet_picture(context, request, response);
             });
}

}  // namespace kuvert::console

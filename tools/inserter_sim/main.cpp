// kuvert-inserter-sim: a folder-inserter for tests and demonstrations. It
// reads the marks every sheet of a delivered run file carries (rendered
// with poppler), matches them against the run's control file as the
// machine's software does, feeds the stack with the faults it is told or
// draws from a seed, and writes the generic results file kuvert reads back
// (README, Results files).
#include <poppler/cpp/poppler-global.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>

#include "pipeline/model/counted.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/terminal_text.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "stages/deliver/csv_text.hpp"
#include "tools/inserter_sim/inserter_machine.hpp"
#include "tools/inserter_sim/sheet_camera.hpp"

namespace fs = std::filesystem;
using namespace kuvert;
using namespace kuvert::inserter_sim;

namespace {

struct Options {
  fs::path run_file, layouts, control, output;
  std::string profile, sides, start, unreported = "missing";
  std::vector<std::string> faults;
  std::size_t random_faults = 0;
  std::uint32_t seed = 1;
  double sheet_seconds = 0.5;
};

// "2026-12-02T08:00:00Z" as Unix seconds.
std::int64_t start_time(const std::string& text) {
  if (text.empty()) return std::time(nullptr);
  const auto start = parse_iso_time(text);
  if (!start) throw Error(ErrorKind::input, Where{.field = "--start"}, "expected a UTC time YYYY-MM-DDTHH:MM:SSZ");
  return *start;
}

fs::path control_file(const Options& options) {
  if (!options.control.empty()) return options.control;
  for (const char* ending : {".pieces.csv", ".pieces.txt"}) {
    const fs::path beside = fs::path(options.run_file).replace_extension(ending);
    if (fs::exists(beside)) return beside;
  }
  return {};
}

// Written under a hidden name and then linked to its own, so that a
// watching service never takes half a file and an existing file (made
// meanwhile too) is never replaced.
void write_results(const fs::path& file, const std::vector<PieceEvent>& events, std::int64_t start,
                   double sheet_seconds) {
  if (fs::exists(file)) throw Error(ErrorKind::input, Where{.file = file.string()}, "exists already");
  const fs::path part = file.parent_path() / ("." + file.filename().string() + ".part");
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out << csv_row({"piece", "status", "time", "station", "note"});
    for (const auto& event : events) {
      const auto sheets_before = static_cast<double>(event.position > 0 ? event.position - 1 : 0);
      const auto time = start + static_cast<std::int64_t>(sheets_before * sheet_seconds);
      out << csv_row({event.piece, std::string(name(event.status)), iso_time(time), event.station, event.note});
    }
    out.flush();
  }
  std::error_code error;
  fs::create_hard_link(part, file, error);
  fs::remove(part);
  if (error)
    throw Error(ErrorKind::input, Where{.file = file.string()},
                error == std::errc::file_exists ? "exists already" : "cannot be written: " + error.message());
}

int simulate(const Options& options) {
  const auto catalog = load_profiles(options.layouts, iso_time(std::time(nullptr)).substr(0, 10));
  const auto found = catalog.inserters.find(options.profile);
  if (found == catalog.inserters.end())
    throw Error(ErrorKind::input, Where{.field = "--profile"},
                "\"" + options.profile + "\" is no inserter profile in " + options.layouts.string());
  MachineRun run;
  run.profile = &found->second;
  run.report_missing = options.unreported == "missing";
  const fs::path control = control_file(options);
  if (!control.empty()) run.pieces = read_run_pieces(control);
  std::size_t control_sheets = 0;
  for (const auto& piece : run.pieces) control_sheets += piece.sheets;

  std::optional<bool> duplex;
  if (!options.sides.empty()) duplex = options.sides == "duplex";
  const SheetCamera camera(options.run_file, *run.profile, duplex, control_sheets);
  std::vector<SheetCode> codes;
  for (std::size_t i = 0; i < camera.sheets(); ++i) codes.push_back(camera.read(i));
  // Banner sheets are no piece's: the control file does not count them.
  run.sheets = static_cast<std::size_t>(
      std::count_if(codes.begin(), codes.end(), [](const SheetCode& code) { return !code.divert; }));

  // Which piece each sheet belongs to, as the stack really is: by the
  // control file, else by the codes; a banner is a group of its own.
  std::vector<std::size_t> piece_of;
  std::vector<std::size_t> listed;
  for (std::size_t p = 0; p < run.pieces.size(); ++p) listed.insert(listed.end(), run.pieces[p].sheets, p);
  for (std::size_t i = 0, next = 0; i < codes.size(); ++i) {
    const std::size_t own = run.pieces.size() + i;
    if (codes[i].divert)
      piece_of.push_back(own);
    else if (!run.pieces.empty())
      piece_of.push_back(next < listed.size() ? listed[next++] : own);
    else
      piece_of.push_back(i > 0 && codes[i].piece == codes[i - 1].piece && codes[i].readable ? piece_of.back() : own);
  }
  if (!run.pieces.empty() && listed.size() != run.sheets)
    throw Error(ErrorKind::input, Where{.file = control.filename().string()},
                "has " + std::to_string(listed.size()) + " sheets, the run file " + std::to_string(run.sheets) +
                    " besides banner sheets");

  const auto order = feed_order(*run.profile, codes.size());
  std::vector<Fault> faults = random_faults(options.random_faults, options.seed, order, piece_of);
  for (const auto& text : options.faults) faults.push_back(parse_fault(text));
  const auto fed = feed_stack(order, piece_of, faults);
  const auto events = run_inserter(run, fed, codes);

  const fs::path output =
      options.output.empty() ? fs::path(options.run_file.stem().string() + ".results.csv") : options.output;
  write_results(output, events, start_time(options.start), options.sheet_seconds);

  std::map<InsertStatus, std::size_t> last_status;
  const auto by_piece = last_statuses(events);
  for (const auto& [piece, status] : by_piece) ++last_status[status];
  std::printf("%s: %s (%s), %zu fed", terminal_safe(options.run_file.filename().string()).c_str(),
              counted(codes.size(), "sheet", "sheets").c_str(), camera.duplex() ? "duplex" : "simplex", fed.size());
  for (const auto& fault : faults) std::printf(", %s", fault_text(fault).c_str());
  std::printf("\n%s: %s:", terminal_safe(output.string()).c_str(), counted(by_piece.size(), "piece", "pieces").c_str());
  for (const auto& [status, count] : last_status) std::printf(" %zu %s", count, std::string(name(status)).c_str());
  std::printf("\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);  // the refusal says what matters
  CLI::App app{"Feeds a delivered run file through a simulated folder-inserter and writes its results file"};
  Options options;
  const char* layouts = std::getenv("KUVERT_LAYOUTS");
  options.layouts = layouts ? fs::path(layouts) : fs::path(argv[0]).parent_path().parent_path() / "layouts";
  app.add_option("run", options.run_file, "The run file (PDF) as delivered to the printer")->required();
  app.add_option("--profile", options.profile, "The inserter profile the run was made for")->required();
  app.add_option("--layouts", options.layouts,
                 "kuvert's layouts/ folder (default: $KUVERT_LAYOUTS, or this checkout's)");
  app.add_option("--control", options.control, "The pieces control file (default: RUN.pieces.csv or .txt beside it)");
  app.add_option("--sides", options.sides, "simplex or duplex (default: from the control file, else the marks)")
      ->check(CLI::IsMember({"simplex", "duplex"}));
  app.add_option("--fault", options.faults,
                 "KIND@SHEET: lost, double-feed, torn, jam, twice, shuffle at the "
                 "sheet fed as number SHEET");
  app.add_option("--faults", options.random_faults, "This many faults of every kind in turn, placed by --seed");
  app.add_option("--seed", options.seed, "Seed for --faults");
  app.add_option("--start", options.start, "When the run starts, YYYY-MM-DDTHH:MM:SSZ (default: now)");
  app.add_option("--sheet-seconds", options.sheet_seconds, "Seconds a sheet takes")->check(CLI::Range(0.01, 60.0));
  app.add_option("--unreported", options.unreported, "Pieces never seen: missing (default) or leave them out")
      ->check(CLI::IsMember({"missing", "leave"}));
  app.add_option("-o,--output", options.output, "The results file to write (default: RUN.results.csv here)");
  CLI11_PARSE(app, argc, argv);
  try {
    return simulate(options);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "kuvert-inserter-sim: %s\n", terminal_safe(error.what()).c_str());
  }
  return 1;
}

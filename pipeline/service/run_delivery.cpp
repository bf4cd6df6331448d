#include "pipeline/service/run_delivery.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/config/centre_time.hpp"
#include "pipeline/driver/printer_file.hpp"
#include "pipeline/model/concat.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/store/work_claims.hpp"
#include "stages/deliver/control_files.hpp"
#include "stages/impose/datamatrix_code.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

[[noreturn]] void copy_failure(const fs::path& file, const std::string& what) {
  Where where;
  where.file = file.string();
  throw_system(where, what);
}

std::string last_error() { return std::strerror(errno); }

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) copy_failure(file, "cannot be read");
  return bytes.str();
}

RunTicket ticket_of(const RunRecord& run) {
  const fs::path ticket = fs::path(run.file).replace_extension(".json");
  try {
    std::ifstream in(ticket);
    return read_run_ticket(nlohmann::json::parse(in));
  } catch (const nlohmann::json::exception& error) {
    copy_failure(ticket, std::string("cannot be read: ") + error.what());
  }
}

// The run's inserter profile, for the marks of its banner; none for a run
// finished by hand.
std::optional<InserterProfile> inserter_of(const RunTicket& ticket, const ServiceConfig& config) {
  if (ticket.production.manual_handling) return std::nullopt;
  const auto catalog = load_profiles(config.layouts, ticket.created.substr(0, 10));
  const auto found = catalog.inserters.find(ticket.production.inserter);
  if (found == catalog.inserters.end())
    copy_failure(config.layouts / "inserters",
                 "has no inserter profile \"" + ticket.production.inserter + "\" for the run's banner sheet");
  return found->second;
}

// The run's control files, its ticket PDF, then its file into the printer
// folder: what a printer or inserter reads beside the run file is in place
// before the run file appears, which is what they wait for. With a banner
// or separators the run file is written anew, else copied.
void copy_run_files(const RunRecord& run, const Printer& printer, const ServiceConfig& config) {
  const RunTicket ticket = ticket_of(run);
  const PrintRoomSheets sheets = print_room_sheets(printer, ticket);
  const bool rewritten = sheets.banner || sheets.separators;
  for (const auto& name : ticket.control_files) {
    const fs::path source = fs::path(run.file).parent_path() / name;
    const fs::path copy = printer.folder / delivered_name(run, name);
    // With a banner first, record n of the sheets file is still sheet n.
    if (sheets.banner && name.find(".sheets.") != std::string::npos) {
      const auto format = fs::path(name).extension() == ".csv" ? ControlFormat::csv : ControlFormat::fixed;
      write_file_atomically(copy,
                            sheets_with_banner(bytes_of(source), format, divert_sheet_id(ticket.job_key, ticket.run)));
    } else {
      copy_file_atomically(source, copy);
    }
  }
  const fs::path target = printer.folder / delivered_name(run);
  if (printer.ticket || rewritten) {
    const FontCatalog fonts = load_fonts(config.fonts);
    const RunLabel label = print_room_label(run, config);
    if (printer.ticket)
      place_file_atomically(
          printer.folder / delivered_name(run, run.name + ".ticket.pdf"),
          [&](const fs::path& temporary) { write_run_ticket_pdf(ticket, fonts, label, sheets, temporary); });
    if (rewritten) {
      const auto inserter = inserter_of(ticket, config);
      place_file_atomically(target, [&](const fs::path& temporary) {
        write_printer_file(run.file, ticket, inserter ? &*inserter : nullptr, fonts, label, sheets, temporary);
      });
    }
  }
  if (!rewritten) copy_file_atomically(run.file, target);
  sync_folder(printer.folder);
}

// Delivers one run; returns false when a hold or cancel came first.
bool deliver_run(Store& store, const RunRecord& run, const Printer& printer, const ServiceConfig& config,
                 std::int64_t now, const std::string& worker) {
  const fs::path target = printer.folder / delivered_name(run);
  const fs::path temporary = partial_path(target);
  std::error_code error;
  const bool temporary_there = fs::exists(temporary, error);
  if (error) copy_failure(temporary, "cannot look into the printer folder: " + error.message());  // tried again later
  // Marked delivering, and the hidden copy gone: it was renamed into place.
  if (!(run.delivering && !temporary_there)) {
    fs::create_directories(printer.folder, error);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0640);
    if (fd < 0) copy_failure(temporary, "cannot create in the printer folder: " + last_error());
    ::close(fd);
    if (!run.delivering &&
        !as_holder(store, ClaimedUnit::run, run.id, worker, [&] { return begin_delivery(store, run.id); })) {
      fs::remove(temporary, error);
      return false;
    }
    copy_run_files(run, printer, config);
  }
  return as_holder(store, ClaimedUnit::run, run.id, worker, [&] {
    act_on_run(store, run.id, RunAction::deliver, {"kuvert", Role::viewer, true}, now);
    return true;
  });
}

}  // namespace

std::string delivered_name(const RunRecord& run) { return delivered_name(run, run.name + ".pdf"); }

PrintRoomSheets print_room_sheets(const Printer& printer, const RunTicket& ticket) {
  return {.banner = printer.banner, .separators = printer.separators && ticket.production.manual_handling};
}

RunLabel print_room_label(const RunRecord& run, const ServiceConfig& config) {
  const auto created = parse_iso_time(run.created_at);
  return {.number = run_number(run.job, run.name),
          .printer = run.printer,
          .created = created ? CentreTime(config.time_zone).clock_text(*created) : run.created_at,
          .file = delivered_name(run)};
}

std::string job_file_stem(std::int64_t job, const std::string& name) {
  // Job names come from job.json: in a file name only letters, digits,
  // '.', '-' and '_' are kept.
  // Cut to 64 bytes, so that the name (and the hidden ".NAME.part" it is
  // copied under) fits every file system's 255.
  std::string job_name = name.substr(0, 64);
  for (char& c : job_name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') c = '_';
  return concat("J", std::to_string(job), "-", job_name);
}

std::string delivered_name(const RunRecord& run, const std::string& file) {
  return job_file_stem(run.job, run.job_name) + "-" + file;
}

namespace {

// Copies `run` to its printer with `copy` (false: a hold or cancel came
// first). One run that cannot be delivered holds up none of the others: its
// problem is recorded (and logged) when it changes, not on every try.
bool try_delivery(Store& store, const ServiceConfig& config, const RunRecord& run, const ServiceLog& log,
                  const std::string& again, const std::function<bool(const Printer&)>& copy) {
  const std::string label = "run " + run_number(run.job, run.name) + " (" + run.job_name + ")";
  const Printer* printer = printer_named(config.printers, run.printer);
  if (!printer) {
    log(label + ": printer \"" + run.printer + "\" is not configured; the run waits");
    return false;
  }
  try {
    if (!copy(*printer)) return false;
  } catch (const std::exception& error) {
    // kuvert's errors, and a library's while writing the printer's file
    // (a font HarfBuzz cannot subset): this run waits, the others go on.
    if (run.delivery_problem != error.what()) {
      set_delivery_problem(store, run.id, error.what());
      log(label + ": not delivered" + again + ", tried again until it works: " + error.what());
    }
    return false;
  }
  if (!run.delivery_problem.empty()) set_delivery_problem(store, run.id, "");
  log(label + ": delivered" + again + " to " + printer->name + " as " + delivered_name(run));
  return true;
}

}  // namespace

int deliver_ready_runs(Store& store, const ServiceConfig& config, std::int64_t now, const ServiceLog& log,
                       const std::string& worker) {
  int delivered = 0;
  // Each run claimed by this worker first, read again (another worker may
  // have delivered it since the list was read), and given up after,
  // delivered or not: one that failed is tried again by whichever worker
  // comes next.
  const auto claimed = [&](const RunRecord& listed, const std::function<bool(const RunRecord&)>& deliver) {
    if (!claim_run(store, listed.id, worker)) return false;  // another worker's
    bool done = false;
    try {
      // The copy is only begun with half a lease in hand.
      const auto run = find_run(store, listed.id);
      if (run && lease_runs(store, worker, config.lease_seconds / 2)) done = deliver(*run);
    } catch (...) {
      release_claim(store, ClaimedUnit::run, listed.id, worker);
      throw;
    }
    release_claim(store, ClaimedUnit::run, listed.id, worker);
    return done;
  };
  // Runs asked for again first (the printer waits for them), then new ones.
  // A copy made twice (the service stopped before it was noted) is the same
  // file renamed into place once more.
  for (const auto& listed : runs_to_redeliver(store))
    delivered += claimed(listed, [&](const RunRecord& run) {
      if (run.redeliver.empty()) return false;
      return try_delivery(store, config, run, log, " again (" + run.redeliver + ")", [&](const Printer& printer) {
        copy_run_files(run, printer, config);
        return as_holder(store, ClaimedUnit::run, run.id, worker, [&] {
          finish_redelivery(store, run, delivered_name(run), now);
          return true;
        });
      });
    });
  for (const auto& listed : runs_ready_for_delivery(store))
    delivered += claimed(listed, [&](const RunRecord& run) {
      return try_delivery(store, config, run, log, "", [&](const Printer& printer) {
        return deliver_run(store, run, printer, config, now, worker);
      });
    });
  return delivered;
}

}  // namespace kuvert::service

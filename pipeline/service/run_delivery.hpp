#pragma once
// Delivering released runs to their printers' folders: each run's PDF (and
// before it the control files its inserter reads, and the ticket PDF when
// the printer asks for one) is copied in, or with a banner sheet or
// separators written anew (driver/printer_file.hpp), under a
// hidden temporary name and renamed, so the printer never sees half a file,
// and each run is delivered once, a crash at any point included:
//   1. the temporary file is created;
//   2. the run is marked "delivering" (committed);
//   3. the PDF is written and synced, then renamed to its final name;
//   4. the run is marked delivered (committed).
// After a crash, a run marked delivering whose temporary file is gone was
// renamed (and perhaps already taken by the printer): it counts as
// delivered. One whose temporary file is still there is copied again.
#include <cstdint>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/driver/print_room_pages.hpp"
#include "pipeline/service/job_processing.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

// The name of a run in the printer folder: "J12-grundsteuer-2026-R0001.pdf",
// and of a file beside it, such as its control file "R0001.pieces.csv":
// "J12-grundsteuer-2026-R0001.pieces.csv".
// "J12-grundsteuer-2026": how the files of job 12 begin, its name made safe
// for a file name (letters, digits, '.', '-', '_'; 64 bytes at most).
std::string job_file_stem(std::int64_t job, const std::string& name);

std::string delivered_name(const store::RunRecord& run);

// What `printer` asks for besides `ticket`'s run: separators only for a
// run finished by hand.
PrintRoomSheets print_room_sheets(const Printer& printer, const RunTicket& ticket);

// The run as the print room's paper names it: its number, printer, when
// it was made (the centre's time) and its file's name in the printer folder.
RunLabel print_room_label(const store::RunRecord& run, const ServiceConfig& config);
std::string delivered_name(const store::RunRecord& run, const std::string& file);

// Delivers every run ready for delivery that no other worker is delivering,
// each claimed by `worker` (store/work_claims.hpp) while it is copied;
// returns how many were delivered.
int deliver_ready_runs(store::Store& store, const ServiceConfig& config, std::int64_t now, const ServiceLog& log,
                       const std::string& worker);

}  // namespace kuvert::service

#pragma once
// The run file as its printer gets it, when the printer's configuration
// asks for more than the run: a banner sheet before the run, imposed like
// any sheet (its text beside the clear zone, the clear zone white, marks
// that make the inserter divert it: a divert bar or a "|DIVERT" code;
// stages/impose/control_marks.hpp), and for a run finished by hand a
// separator sheet before each piece. The run's own sheets are copied
// unchanged, one page at a time: memory holds a few bytes per page (the
// object numbers and offsets), never the pages.
#include <filesystem>

#include "pipeline/driver/print_room_pages.hpp"
#include "pipeline/model/font_catalog.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/run_ticket.hpp"

namespace kuvert {

// Writes `target` from `run_file` (the run's R.pdf, described by `ticket`);
// `profile` is the run's inserter profile (none for a run finished by
// hand). Returns the sheets added. Throws kuvert::Error: input for a run
// file that cannot be read or whose pages do not match its ticket.
std::size_t write_printer_file(const std::filesystem::path& run_file, const RunTicket& ticket,
                               const InserterProfile* profile, const FontCatalog& fonts, const RunLabel& label,
                               const PrintRoomSheets& sheets, const std::filesystem::path& target);

// The run ticket as an A4 PDF in German (print_room_pages.hpp).
void write_run_ticket_pdf(const RunTicket& ticket, const FontCatalog& fonts, const RunLabel& label,
                          const PrintRoomSheets& sheets, const std::filesystem::path& target);

}  // namespace kuvert

#pragma once
// The pages kuvert prints for the print room beside a run's letters, in
// German: the banner sheet before a run, the separator before each piece of
// a run finished by hand, and the run ticket (Laufzettel) on A4. Pure
// composition: operators for a TextPage, from the run's ticket and the
// label the service gives it.
#include <string>
#include <vector>

#include "pipeline/driver/text_page.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/run_ticket.hpp"

namespace kuvert {

// What the print room reads of a run beyond its ticket.
struct RunLabel {
  std::string number;   // "J12-R0001": the run as an operator says it
  std::string printer;  // where it is delivered
  std::string created;  // "03.12.2026 14:05", in the centre's time
  std::string file;     // the run file's name in the printer folder
};

// What the printer's file holds besides the run's sheets.
struct PrintRoomSheets {
  bool banner = false;      // a banner sheet before the run
  bool separators = false;  // a separator before each piece (runs finished by hand)
};

// The banner: run number in large type and as a DataMatrix, job, client,
// counts, paper, sides, envelope, inserter, inserts, postage, due date.
// Its text and code keep 5 mm beside each zone of `keep_clear` (mm from
// the top left; the marks' zones on its side): left of one in the sheet's
// right half, right of one in its left half. `diverted`: whether the
// inserter diverts it by its marks, else it says to take it out by hand.
void draw_banner(TextPage& page, const RunTicket& ticket, const RunLabel& label,
                 const std::vector<RectMm>& keep_clear, bool diverted);

// The separator before piece `index` (0-based) of a run's manual pieces.
void draw_separator(TextPage& page, const RunTicket& ticket, const RunLabel& label, std::size_t index);

// The run ticket's pages (more than one when its lists are long).
// `sheets`: what the printer's file holds besides the run.
std::vector<std::string> ticket_pages(TextFonts& fonts, const RunTicket& ticket, const RunLabel& label,
                                      const PrintRoomSheets& sheets);

}  // namespace kuvert

#pragma once
// What each mail piece shows through its envelope's window: the ink of the
// address field on its first page must lie where the window shows it
// wherever the sheet, folded or flat, lies, 3 mm inside (pipeline/model/
// envelope_window.hpp), or the post may not read the address. Print files
// and composed letters alike: a composed letter is set for the folded
// envelope's window, and may go flat into another.
#include <vector>

#include "pipeline/model/envelope_window.hpp"
#include "pipeline/model/job.hpp"
#include "pipeline/model/letter_layout.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "stages/ingest/source_files.hpp"

namespace kuvert {

// Throws Error(input) listing every piece whose address does not show,
// naming its document, page, the address block and the window's part.
// `form` is the letters' DIN 5008 form (print files: B; composed: the
// layout's). `set_for`, for composed letters, is where they set their
// addresses: a piece whose window shows all of it is not measured again.
void check_address_windows(const Job& job, const std::vector<PrintRun>& runs, const ProfileCatalog& profiles,
                           SourceFiles& sources, LetterForm form, const AddressWindow* set_for = nullptr);

}  // namespace kuvert

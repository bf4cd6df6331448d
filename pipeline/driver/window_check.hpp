#pragma once
// What each mail piece shows through its envelope's window: the ink of the
// address field on its first page must lie where the window shows it
// wherever the folded sheet lies, 3 mm inside (pipeline/model/
// envelope_window.hpp), or the post may not read the address. Pieces that
// go flat into their envelope are not checked: where a flat sheet lies is
// not known well enough (README).
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/letter_layout.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "stages/ingest/source_files.hpp"

namespace kuvert {

// Throws Error(input) listing every piece whose address does not show,
// naming its document, page, the address block and the window's part.
// `form` is the letters' DIN 5008 form (print files: B).
void check_address_windows(const Job& job, const std::vector<PrintRun>& runs, const ProfileCatalog& profiles,
                           SourceFiles& sources, LetterForm form);

}  // namespace kuvert

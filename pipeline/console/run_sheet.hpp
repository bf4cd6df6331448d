#pragma once
// A sheet of a run as the console's page viewer shows it: which pages of
// the run file are its front and back, which piece it belongs to, and
// what a proof (kuvert proof) draws over each side: window, address
// field, clear zone, mark positions, folds.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/profile_catalog.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "stages/impose/proof_zones.hpp"

namespace kuvert::console {

struct RunSheet {
  std::int64_t number = 0;  // from 1
  std::int64_t sheets = 0;  // of the run
  bool duplex = false;
  std::int64_t front_page = 0;  // index in the run file, from 0; the back follows on a duplex sheet
  std::string piece;            // as the 2D code carries it
  std::int64_t sequence = 0;
  std::int64_t sheet_of_piece = 0;  // from 1
  std::int64_t piece_sheets = 0;
  std::string envelope;
};

// Sheet `number` of a run of `sheets` sheets, printed on both sides or
// not, found in its manifest (R.csv, read row by row); nothing when the
// run has no such sheet or the manifest does not say (a row whose sheets
// lie outside 1 to `sheets` says nothing).
std::optional<RunSheet> run_sheet(const std::filesystem::path& manifest, std::int64_t number, std::int64_t sheets,
                                  bool duplex);

// What a proof draws over the sheet's front (or back), by the run's ticket
// and the profiles; the window's zones on the side that faces it.
// `missing` names a profile the ticket names that is not there (its zones
// are left out), or is empty.
std::vector<ProofZone> sheet_zones(const RunSheet& sheet, bool back, const RunTicket& ticket,
                                   const ProfileCatalog& profiles, std::string& missing);

}  // namespace kuvert::console

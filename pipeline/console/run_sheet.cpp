#include "pipeline/console/run_sheet.hpp"

#include <algorithm>
#include <fstream>

#include "pipeline/model/csv_rows.hpp"
#include "pipeline/model/whole_number.hpp"

namespace kuvert::console {

std::optional<RunSheet> run_sheet(const std::filesystem::path& manifest, std::int64_t number, std::int64_t sheets,
                                  bool duplex) {
  if (number < 1 || number > sheets) return std::nullopt;
  std::ifstream in(manifest, std::ios::binary);
  if (!in) return std::nullopt;
  CsvRowReader rows(in, 0);
  CsvRow row;
  std::vector<std::string> header;
  std::size_t piece = 0, sequence = 0, first = 0, last = 0, envelope = 0;
  while (rows.next(row)) {
    if (!row.problem.empty() || row.blank()) return std::nullopt;
    if (header.empty()) {
      header = row.cells;
      const auto column = [&](const char* name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
      };
      piece = column("piece_id"), sequence = column("sequence"), first = column("first_sheet");
      last = column("last_sheet"), envelope = column("envelope");
      if (std::max({piece, sequence, first, last, envelope}) >= header.size()) return std::nullopt;
      continue;
    }
    if (row.cells.size() != header.size()) return std::nullopt;
    const auto from = whole_number(row.cells[first]), to = whole_number(row.cells[last]);
    if (!from || !to || *from < 1 || *from > *to || *to > sheets) return std::nullopt;
    if (number < *from || number > *to) continue;
    RunSheet sheet;
    sheet.number = number;
    sheet.sheets = sheets;
    // A duplex run's file has two pages a sheet, the blank backs too.
    sheet.duplex = duplex;
    sheet.front_page = (number - 1) * (duplex ? 2 : 1);
    sheet.piece = row.cells[piece];
    sheet.sequence = whole_number(row.cells[sequence]).value_or(0);
    sheet.sheet_of_piece = number - *from + 1;
    sheet.piece_sheets = *to - *from + 1;
    sheet.envelope = row.cells[envelope];
    return sheet;
  }
  return std::nullopt;
}

std::vector<ProofZone> sheet_zones(const RunSheet& sheet, bool back, const RunTicket& ticket,
                                   const ProfileCatalog& profiles, std::string& missing) {
  const auto& production = ticket.production;
  const auto envelope = profiles.envelopes.find(sheet.envelope);
  const auto inserter = profiles.inserters.find(production.inserter);
  ProofPage page;
  page.form = production.form == "A" ? LetterForm::a : LetterForm::b;
  page.envelope = envelope == profiles.envelopes.end() ? nullptr : &envelope->second;
  page.inserter = production.manual_handling || inserter == profiles.inserters.end() ? nullptr : &inserter->second;
  missing.clear();
  if (!page.envelope) missing = "envelope " + sheet.envelope;
  if (!production.manual_handling && !page.inserter) missing = "inserter " + production.inserter;
  page.back = back;
  // The address sheet faces the window: the piece's first or last printed.
  const bool address_sheet =
      production.address_sheet == "last" ? sheet.sheet_of_piece == sheet.piece_sheets : sheet.sheet_of_piece == 1;
  page.faces_window = !back && address_sheet && page.envelope;
  return proof_zones(page);
}

}  // namespace kuvert::console

#include "stages/plan/sheets.hpp"

#include <algorithm>

namespace kuvert {

std::size_t sheet_count(const Document& document, Sides sides) {
  return sides == Sides::simplex ? document.page_count : (document.page_count + 1) / 2;
}

std::vector<Sheet> lay_out_sheets(const Job& job, const MailPiece& piece, const InserterProfile* inserter) {
  std::vector<Sheet> sheets;
  const Sides sides = piece.settings().sides;
  for (const std::uint32_t index : piece.documents) {
    const Document& document = job.documents.at(index);
    const std::uint32_t step = sides == Sides::simplex ? 1 : 2;
    for (std::uint32_t page = 0; page < document.page_count; page += step) {
      Sheet sheet;
      sheet.front = document.page(page);
      if (sides == Sides::duplex && page + 1 < document.page_count) sheet.back = document.page(page + 1);
      sheets.push_back(sheet);
    }
  }
  if (inserter && address_sheet_printed_last(*inserter)) std::reverse(sheets.begin(), sheets.end());
  return sheets;
}

}  // namespace kuvert

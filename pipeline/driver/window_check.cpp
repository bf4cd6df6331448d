#include "pipeline/driver/window_check.hpp"

#include <cstdio>

#include "pipeline/model/din5008.hpp"
#include "pipeline/model/envelope_window.hpp"
#include "pipeline/model/error.hpp"
#include "stages/ingest/document_entries.hpp"
#include "stages/plan/pieces.hpp"

namespace kuvert {
namespace {

std::string span(const RectMm& box) {
  char text[96];
  std::snprintf(text, sizeof text, "x %.1f to %.1f mm, y %.1f to %.1f mm", box.x, box.x + box.width, box.y,
                box.y + box.height);
  return text;
}

bool inside(const RectMm& box, const RectMm& area) {
  constexpr double kTolerance = 0.05;
  return box.x >= area.x - kTolerance && box.y >= area.y - kTolerance &&
         box.x + box.width <= area.x + area.width + kTolerance &&
         box.y + box.height <= area.y + area.height + kTolerance;
}

}  // namespace

void check_address_windows(const Job& job, const std::vector<PrintRun>& runs, const ProfileCatalog& profiles,
                           SourceFiles& sources, LetterForm form, const AddressWindow* set_for) {
  const RectMm field{din5008::kAddressFieldX, din5008::geometry(form).address_field_y, din5008::kAddressFieldWidth,
                     din5008::kAddressFieldHeight};
  DocumentEntries entries(job);
  std::vector<Diagnostic> problems;
  for (const PrintRun& run : runs)
    for (const MailPiece& piece : run_pieces(job, run, profiles)) {
      const EnvelopeProfile& envelope = profiles.envelopes.at(piece.envelope);
      const auto area = address_area(envelope, form);
      if (set_for && area && inside(set_for->area, *area)) continue;
      const Document& document = job.documents[piece.documents.front()];
      const auto block = sources.at(document.file).ink_extent(document.first_page, field);
      if (block && area && inside(*block, *area)) continue;
      Where where;
      where.job = job.name;
      where.document = entries.identity(piece.documents.front()).id;
      where.file = sources.name(document.file);
      std::string message = "page " + std::to_string(document.first_page + 1) + ": ";
      const std::string window = "the window of envelope \"" + envelope.name + "\"";
      if (!area)
        message += window + " shows nothing of the address field";
      else if (!block)
        message += "there is no address in the part of the address field " + window +
                   " shows wherever the sheet lies, 3 mm in (" + span(*area) + ")";
      else
        message += "its address block (" + span(*block) + ") is not inside what " + window +
                   " shows wherever the sheet lies, 3 mm in (" + span(*area) + ")";
      problems.push_back({where, message});
    }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
}

}  // namespace kuvert

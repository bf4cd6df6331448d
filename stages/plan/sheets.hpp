#pragma once
// Sheet layout: which page goes on which side of which sheet of a piece.
#include <cstddef>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/job.hpp"
#include "pipeline/model/mail_piece.hpp"

namespace kuvert {

// The sheets a document takes on its own: every document starts on a front
// side, so in duplex an odd page count ends on a blank back.
std::size_t sheet_count(const Document& document, Sides sides);

// The sheets of `piece`, its documents one after the other (indices into
// `job.documents`). Simplex: one page per sheet, on the front. Duplex: pages
// paired front and back; every document starts on a front side, so a
// document with an odd page count ends on a blank back.
//
// `inserter`, the machine that folds and inserts the piece (none when it is
// finished by hand), decides where the address sheet is printed: it must be
// the sheet the machine puts in front of the window. The other sheets follow
// in reverse too, so the recipient finds them in reading order.
std::vector<Sheet> lay_out_sheets(const Job& job, const MailPiece& piece, const InserterProfile* inserter);

}  // namespace kuvert

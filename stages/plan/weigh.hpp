#pragma once
// Weighing: envelope, weight, thickness, postage product and whether the
// inserter can take a piece at all.
#include <cstddef>
#include <string>

#include "pipeline/model/error.hpp"
#include "pipeline/model/mail_piece.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

// The envelope for a piece of `sheets` sheets: a named envelope as it is;
// "auto" the inserter's folded envelope up to its fold limit, its flat
// envelope above.
std::string choose_envelope(const std::string& requested, std::size_t sheets, const InserterProfile& inserter);

// The first (cheapest) product of `tariff` for `destination` whose weight
// and thickness limits hold and whose length and width ranges contain the
// envelope (the longer side is the length); nullptr when none fits. Limits
// are inclusive.
const PostageProduct* choose_product(const Tariff& tariff, double weight_g, double thickness_mm,
                                     const EnvelopeProfile& envelope, Destination destination);

// `piece` with envelope, weight_g, thickness_mm, product, postage_cents,
// manual and manual_reason filled in from its sheets, settings and inserts:
//   weight    = sheets x paper weight + envelope weight + inserts' weight
//   thickness = (sheets x paper thickness + inserts' thickness)
//               x envelope fold layers + envelope thickness
// A piece is manual when it has more sheets than the inserter's flat limit
// or when no product fits; a manual piece keeps a product if one fits. The
// reason is in the operator's words; several reasons are joined by "; ".
// Throws Error(ErrorKind::internal), with `where` as context, when a paper,
// inserter, envelope or feeder is not in the catalogue.
MailPiece weigh(MailPiece piece, const ProfileCatalog& catalog, const Where& where = {});

}  // namespace kuvert

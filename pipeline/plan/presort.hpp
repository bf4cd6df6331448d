#pragma once
// Presorting for the post's bulk rates (DOMAIN.md, weight and postage).
#include <string>
#include <vector>

#include "pipeline/model/mail_piece.hpp"

namespace kuvert {

// The Leitregion of a German postcode: its first two digits.
std::string leitregion(const std::string& postcode);

// Orders `pieces` in place: domestic pieces first, by Leitregion and then
// postcode; foreign pieces last, grouped by country code and then by
// postcode. The sort is stable, so pieces that compare equal keep their
// order (the delivery order when called on freshly consolidated pieces).
void presort(std::vector<MailPiece>& pieces);

}  // namespace kuvert

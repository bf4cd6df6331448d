#pragma once
// Presorting for the post's bulk rates (DOMAIN.md, weight and postage).
#include <string>
#include <vector>

#include "pipeline/model/mail_piece.hpp"

namespace kuvert {

// The Leitregion of a German postcode: its first two digits.
std::string leitregion(const std::string& postcode);

// Orders `order`, indices into `pieces`: domestic pieces first, by
// Leitregion and then postcode; foreign pieces last, grouped by country code
// and then by postcode. The sort is stable, so pieces that compare equal
// keep their order (the delivery order for freshly consolidated pieces).
// Pieces are not moved: a job's pieces are the bulk of what planning holds.
void presort(std::vector<std::size_t>& order, const std::vector<MailPiece>& pieces);

}  // namespace kuvert

#pragma once
// Presorting for the post's bulk rates (DOMAIN.md, weight and postage).
#include <cstdint>
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/mail_piece.hpp"

namespace kuvert {

// Orders `order`, indices into `pieces`, by their first documents'
// recipients: domestic pieces first, by Leitregion and postcode; foreign
// pieces last, grouped by country code and then by postcode
// (RecipientKey::presort). The sort is stable, so pieces that compare equal
// keep their order (the delivery order for freshly consolidated pieces).
void presort(std::vector<std::uint32_t>& order, const PieceDocuments& pieces, const Job& job);

}  // namespace kuvert

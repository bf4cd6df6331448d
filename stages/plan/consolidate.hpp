#pragma once
// Consolidation: the documents of a job become mail pieces.
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/job.hpp"
#include "pipeline/model/mail_piece.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

// Whether a document may share an envelope at all: it allows consolidation
// and is not sensitive.
bool may_share_envelope(const ProductionSettings& settings);

// Groups the job's documents into mail pieces. Documents share a piece only
// when each may share an envelope and they have the same recipient key
// (which includes the client: RecipientKey) and the same paper, sides,
// inserter and envelope. Pieces come in the delivery order of their first
// document, the documents inside a piece in delivery order. A piece takes
// a recipient's next document only while the inserter (its fold limit in a
// folded envelope, else its flat limit) and a postage product can still
// take it; the next document then begins another piece for the recipient.
PieceDocuments consolidate(const Job& job, const ProfileCatalog& catalog);

// `inserts` without repeats, in the order of the inserter's feeder stations.
// Throws Error(ErrorKind::internal) for a name the inserter has no feeder for.
std::vector<std::string> order_inserts(const std::vector<std::string>& inserts, const InserterProfile& inserter,
                                       const Where& where);

}  // namespace kuvert

#pragma once
// The documents of a reprint (`kuvert run --reprint FILE`, the service's
// order): the job is read whole, as for its first production, and only the
// failed pieces' documents go on to planning, so that the letters are the
// same and only the pieces' ids and runs are new.
#include <filesystem>
#include <set>
#include <string>

#include "pipeline/model/job.hpp"
#include "pipeline/model/reprint_order.hpp"
#include "pipeline/model/run_ticket.hpp"

namespace kuvert {

// Throws kuvert::Error (input) naming the file when it does not read.
ReprintOrder read_reprint_order(const std::filesystem::path& file);

// The ids of the order's documents.
std::set<std::string> reprinted_documents(const ReprintOrder& order);

// Keeps the order's documents of `job` (and their recipients), in the
// job's order. A document the order names that the job lacks, or an order
// without documents, is an error (kuvert::Error, input), naming them all.
void keep_reprinted_documents(Job& job, const ReprintOrder& order);

// What a reprint run's ticket says it replaces: the order's pieces whose
// documents it carries (`documents`: their ids), as a reprint split over
// several runs replaces some in each.
TicketReprint replaced_pieces(const ReprintOrder& order, const std::set<std::string>& documents);

}  // namespace kuvert

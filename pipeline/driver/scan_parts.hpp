#pragma once
// A scan batch split into parts, so that several workers (kuvert serve and
// kuvert worker on hosts sharing a PostgreSQL store) read and recognise
// its pages at once, and one of them assembles its documents in order:
// the same documents, text and page order as scan_batch makes of the batch
// in one go.
//   plan_scan_parts: each file's pages counted, the batch cut into parts
//     of so many pages (OUTPUT/plan.cbor, pipeline/model/scan_plan.hpp);
//   scan_part: one part's pages cleaned up, recognised and encoded as
//     scan_batch does it (OUTPUT/pages.cbor, stages/scan/scan_part_file);
//   assemble_scan_parts: the parts' pages, in order, into the batch's
//     archive files, index records and summary.json, as scan_batch's.
// Each output folder appears complete or not at all. The plan is CBOR, not
// JSON, so that file names that are not UTF-8 (Windows shares) come back
// as they were.
#include <cstddef>
#include <filesystem>
#include <vector>

#include "pipeline/driver/scan_plan_file.hpp"
#include "pipeline/driver/scan_request.hpp"
#include "pipeline/model/scan_plan.hpp"
#include "pipeline/model/scan_summary.hpp"

namespace kuvert {

inline constexpr const char* kScanPartFile = "pages.cbor";

// Plans `request` (its inputs, profile and name; its output the plan's
// folder) in parts of `part_pages` pages. Files that cannot be opened are
// refused in the plan, as scan_batch refuses them. Throws kuvert::Error:
// usage for the request, input for its profile, system.
ScanPlan plan_scan_parts(const ScanRequest& request, std::size_t part_pages);

// Part `part` (1-based) of the plan in `plan_folder`, into request.output
// (and request's layouts and threads). Throws kuvert::Error as scan_batch.
void scan_part(const std::filesystem::path& plan_folder, std::size_t part, const ScanRequest& request);

// The batch's documents from the folders of its parts (scan_part's
// outputs, one per part of the plan, in order) into request.output, with
// request.created. Throws kuvert::Error (input) naming a part's file and
// entry that does not read or is not a page of that part.
ScanSummary assemble_scan_parts(const std::filesystem::path& plan_folder,
                                const std::vector<std::filesystem::path>& parts, const ScanRequest& request);

}  // namespace kuvert

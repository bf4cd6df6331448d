#pragma once
// A scan inbox's hand-over to the document management system: each
// archived document of a finished batch goes into the inbox's `handover`
// folder as its PDF/A and its index JSON, named after the batch and
// document (posteingang-7-0001.pdf, posteingang-7-0001.json), each written
// under a hidden temporary name and renamed; the PDF first, so that the
// index, which the DMS waits for, appears last.
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/model/scan_summary.hpp"

namespace kuvert::service {

// Hands over the documents `summary` lists, archived in `output`; returns
// the names written. A document
// handed over before (the service stopped halfway) is written again, whole.
// Throws kuvert::Error (system) naming the file when the folder cannot be
// written: the job is tried again.
std::vector<std::string> hand_over_scans(const ScanSummary& summary, const std::filesystem::path& output,
                                         const std::filesystem::path& folder);

}  // namespace kuvert::service

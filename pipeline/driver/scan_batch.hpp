#pragma once
#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/scan_request.hpp"
#include "pipeline/model/scan_summary.hpp"
#include "stages/scan/batch_tally.hpp"
#include "stages/scan/scan_document_writer.hpp"

namespace kuvert {

// Turns a batch of scanned pages into archived documents in
// request.output: per document ID.pdf (PDF/A-2b, searchable) and ID.json
// (its index record), and summary.json for the batch, which lists the
// rejected input files with their reasons. Pages flow through a
// tbb::parallel_pipeline: a serial reader, parallel clean-up, barcode
// reading, OCR and image encoding (one Tesseract engine per thread), and a
// serial writer that keeps the batch's order. The folder appears complete
// or not at all. Returns the summary. Throws kuvert::Error for the request
// itself (usage), its profile (input) or the system; an unreadable input
// file is not an error but a rejected file.
// Tesseract needs OMP_THREAD_LIMIT=1 in the environment from the start of
// the process (STACK.md); the caller sees to it.
ScanSummary scan_batch(const ScanRequest& request);

// The documents of a batch as `folder`'s archive files, named BATCH-0001, ...
ScanDocumentWriter document_writer(OutputFolder& folder, const ScanProfile& profile, const std::string& batch,
                                   const std::string& created);
// Closes the last document, writes summary.json (what `writer` archived,
// what `tally` read and refused) and commits `folder`.
ScanSummary finish_scan_batch(OutputFolder& folder, ScanDocumentWriter& writer, const BatchTally& tally,
                              const std::string& batch, const std::string& profile, const std::string& created);

}  // namespace kuvert

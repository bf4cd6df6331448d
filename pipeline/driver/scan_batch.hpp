#pragma once
#include "pipeline/driver/scan_request.hpp"
#include "pipeline/model/scan_summary.hpp"

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

}  // namespace kuvert

#pragma once
// The parts of a scan batch that the workers sharing a store read and
// recognise at once (pipeline/driver/scan_parts): each a unit of work
// (work_claims.hpp) that is open until a worker has done it, or failed
// with the reason. The batch's own worker opens them, waits for them and
// assembles the batch; then they go.
#include <cstdint>
#include <string>

#include "pipeline/store/store.hpp"

namespace kuvert::store {

// Opens parts 1..`count` of the batch of input `input`, unless it has
// them already: a worker that takes over the batch from one that died
// keeps what was done.
void open_scan_parts(Store& store, std::int64_t input, std::int64_t count);

struct ScanPartsProgress {
  std::int64_t parts = 0;
  std::int64_t done = 0;
  std::string failure;  // the reason of the first part that failed ("" for none)
};
ScanPartsProgress scan_parts_progress(Store& store, std::int64_t input);

// A part done (its pages are in its folder), by the worker holding it.
void finish_scan_part(Store& store, std::int64_t id);
// A part that cannot be done (its pages crashed a library, a limit): its
// batch fails with `reason`.
void fail_scan_part(Store& store, std::int64_t id, const std::string& reason);
// A part that failed for reasons not its own (the disk, the store): free
// for any worker again, until its `attempts`th failure fails it with
// `reason`.
void retry_scan_part(Store& store, std::int64_t id, const std::string& reason, int attempts);

// Whether part `id` is still there (its batch neither assembled nor failed).
bool scan_part_exists(Store& store, std::int64_t id);

// The batch of input `input` is assembled or failed: its parts go.
void drop_scan_parts(Store& store, std::int64_t input);

}  // namespace kuvert::store

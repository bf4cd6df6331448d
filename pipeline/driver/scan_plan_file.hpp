#pragma once
// plan.cbor, the plan of a scan batch read in parts (scan_parts.hpp): its
// one reading, with its limits, for the worker that reads a part and the
// one that assembles them (and the fuzzer).
#include <cstddef>
#include <filesystem>
#include <vector>

#include "pipeline/model/scan_plan.hpp"

namespace kuvert {

inline constexpr const char* kScanPlanFile = "plan.cbor";

// A plan's limits: files and pages in a batch, its file's bytes, and the
// nesting and items of its CBOR (cbor_shape.hpp).
inline constexpr std::size_t kMaxScanPlanFiles = 20000;
inline constexpr std::size_t kMaxScanPlanPages = 100000;
inline constexpr std::size_t kMaxScanPlanBytes = 16u << 20;
inline constexpr std::size_t kMaxScanPlanDepth = 8;
inline constexpr std::size_t kMaxScanPlanItems = 12 * kMaxScanPlanFiles + 6 * kMaxScanPlanPages;

// The plan in `folder`. Throws kuvert::Error (input) naming the file and
// field when it does not read, exceeds a limit, names a batch or profile
// that cannot be a file's name, or its parts do not cover its pages.
ScanPlan read_scan_plan(const std::filesystem::path& folder);

// Where each file's pages begin among the batch's, and (last) their count.
std::vector<std::size_t> file_starts(const ScanPlan& plan);

}  // namespace kuvert

#include "pipeline/driver/scan_plan_file.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/driver/scan_request.hpp"
#include "pipeline/model/cbor_shape.hpp"
#include "pipeline/model/error.hpp"
#include "stages/scan/scan_input.hpp"

namespace kuvert {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::size_t> file_starts(const ScanPlan& plan) {
  std::vector<std::size_t> starts;
  std::size_t first = 0;
  for (const auto& file : plan.files) {
    starts.push_back(first);
    first += file.pages;
  }
  starts.push_back(first);
  return starts;
}

namespace {

void check_plan(const ScanPlan& plan, const std::string& name) {
  const auto problem = [&name](const std::string& field, const std::string& message) {
    throw_input(Where{.file = name, .field = field}, message);
  };
  if (!is_document_name(plan.batch)) problem("batch", "\"" + plan.batch + "\" cannot name documents");
  if (!is_document_name(plan.profile)) problem("profile", "\"" + plan.profile + "\" is no scan profile's name");
  if (plan.files.size() > kMaxScanPlanFiles)
    problem("files", std::to_string(plan.files.size()) + " files; a batch has " + std::to_string(kMaxScanPlanFiles) +
                         " at most");
  for (const auto& file : plan.files) {
    if (file.path.empty() || file.file.empty()) problem("files", "a file without its name");
    if (file.pages > scan::kMaxScanPages || (!file.refused.empty() && file.pages > 0))
      problem("files", file.file + ": " + std::to_string(file.pages) + " pages");
  }
  std::size_t next = 0;
  for (const auto& part : plan.parts) {
    if (part.first != next || part.pages == 0 || part.pages > scan::kMaxScanPages)
      problem("parts", "a part of pages " + std::to_string(part.first + 1) + " to " +
                           std::to_string(part.first + part.pages) + " after page " + std::to_string(next));
    next = part.first + part.pages;
  }
  const std::size_t pages = file_starts(plan).back();
  if (next > kMaxScanPlanPages)
    problem("parts", std::to_string(next) + " pages; a batch read in parts has " + std::to_string(kMaxScanPlanPages) +
                         " at most");
  if (next != pages) problem("parts", "cover " + std::to_string(next) + " pages of " + std::to_string(pages));
}

}  // namespace

ScanPlan read_scan_plan(const fs::path& folder) {
  const fs::path path = folder / kScanPlanFile;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_input(Where{.file = path.string()}, "cannot be read");
  // Read as it comes, up to one byte beyond the limit.
  std::string bytes;
  char chunk[1 << 16];
  while (bytes.size() <= kMaxScanPlanBytes && in.read(chunk, sizeof chunk).gcount() > 0)
    bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > kMaxScanPlanBytes)
    throw_input(Where{.file = path.string()}, "is larger than " + std::to_string(kMaxScanPlanBytes) + " bytes");
  if (const auto problem = cbor_shape_problem(bytes, kMaxScanPlanDepth, kMaxScanPlanItems); !problem.empty())
    throw_input(Where{.file = path.string()}, problem);
  ScanPlan plan;
  try {
    const json value = json::from_cbor(bytes);
    // Counts are whole numbers: a float or a negative one would not convert safely.
    const auto require_counts = [&path](const json& list, std::initializer_list<const char*> keys) {
      for (const auto& item : list)
        for (const char* key : keys)
          if (!item.at(key).is_number_unsigned())
            throw_input(Where{.file = path.string(), .field = key}, "must be a whole number");
    };
    require_counts(value.at("files"), {"pages"});
    require_counts(value.at("parts"), {"first", "pages"});
    plan = value.get<ScanPlan>();
  } catch (const json::exception& error) {
    throw_input(Where{.file = path.string()}, std::string("does not read: ") + error.what());
  }
  check_plan(plan, path.string());
  return plan;
}

}  // namespace kuvert

#include "pipeline/driver/scan_parts.hpp"

#include <algorithm>
#include <fstream>

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/page_pipeline.hpp"
#include "pipeline/driver/scan_batch.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/pdf/sha256.hpp"
#include "pipeline/profiles/load_scan_profile.hpp"
#include "stages/scan/part_page_reader.hpp"
#include "stages/scan/scan_part_file.hpp"

namespace kuvert {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// What part and assembly need of their request: an output folder that does
// not exist yet, and the layouts.
void require_output(const ScanRequest& request) {
  if (request.output.empty()) throw Error(ErrorKind::usage, Where{.field = "output"}, "no output folder given");
  if (!fs::is_directory(request.layouts))
    throw Error(ErrorKind::usage, Where{.field = "--layouts"}, request.layouts.string() + " is not a folder");
  OutputFolder::refuse_existing(request.output);
}

ScanProfile profile_of(const ScanRequest& request, const std::string& name) {
  const ScanProfile profile = load_scan_profile(request.layouts, name);
  scan::start_image_reading(request.layouts / "scan");
  return profile;
}

fs::path profile_file(const ScanRequest& request, const std::string& name) {
  return request.layouts / "scan" / (name + ".toml");
}

// The SHA-256 of the profile's file as this host has it.
std::string profile_sha256(const ScanRequest& request, const std::string& name) {
  Sha256 hash;
  hash.update_file(profile_file(request, name));
  return hash.hex();
}

// The plan's profile, which must be this host's as the planning host had
// it: the same pages kept, dropped and split alike on every host.
ScanProfile planned_profile(const ScanRequest& request, const ScanPlan& plan) {
  const ScanProfile profile = profile_of(request, plan.profile);
  if (profile_sha256(request, plan.profile) != plan.profile_sha256)
    throw_input(Where{.file = profile_file(request, plan.profile).string()},
                "is not the scan profile the batch was planned with: every host needs the same layouts");
  return profile;
}

}  // namespace

ScanPlan plan_scan_parts(const ScanRequest& request, std::size_t part_pages) {
  validate(request);
  if (part_pages == 0 || part_pages > scan::kMaxScanPages)
    throw Error(ErrorKind::usage, Where{.field = "--pages"},
                "must be between 1 and " + std::to_string(scan::kMaxScanPages));
  OutputFolder::refuse_existing(request.output);
  const ScanProfile profile = profile_of(request, request.profile);
  ScanPlan plan{request.name, profile.name, profile_sha256(request, profile.name), {}, {}};
  std::size_t pages = 0;
  for (const auto& path : scan_input_files(request.inputs)) {
    ScanPlanFile file{fs::absolute(path).string(), path.string(), 0, ""};
    try {
      file.pages = scan::open_scan_file(path, file.file)->pages();
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::input) throw;
      file.refused = error.problems().front().message;
    }
    pages += file.pages;
    plan.files.push_back(std::move(file));
  }
  if (pages > kMaxScanPlanPages)
    throw_input(Where{.field = "input"}, std::to_string(pages) + " pages; a batch read in parts has " +
                                             std::to_string(kMaxScanPlanPages) + " at most");
  if (plan.files.size() > kMaxScanPlanFiles)
    throw_input(Where{.field = "input"}, std::to_string(plan.files.size()) + " files; a batch read in parts has " +
                                             std::to_string(kMaxScanPlanFiles) + " at most");
  for (std::size_t first = 0; first < pages; first += part_pages)
    plan.parts.push_back({first, std::min(part_pages, pages - first)});
  OutputFolder folder(request.output);
  const auto bytes = json::to_cbor(json(plan));
  folder.write_file(kScanPlanFile, std::string(bytes.begin(), bytes.end()));
  folder.commit();
  return plan;
}

void scan_part(const fs::path& plan_folder, std::size_t part, const ScanRequest& request) {
  const ScanPlan plan = read_scan_plan(plan_folder);
  if (part == 0 || part > plan.parts.size())
    throw Error(ErrorKind::usage, Where{.field = "--part"},
                "must be between 1 and " + std::to_string(plan.parts.size()) + ", the plan's parts");
  require_output(request);
  const ScanProfile profile = planned_profile(request, plan);
  OutputFolder folder(request.output);
  const fs::path file = folder.path() / kScanPartFile;
  std::ofstream out(file, std::ios::binary);
  PartPageReader reader(plan, plan.parts[part - 1], ResolutionRange{profile.name, profile.min_dpi, profile.max_dpi});
  run_page_pipeline<PartPage, ScanPartEntry>(
      request.threads, profile, [&reader] { return reader.next(); },
      [&profile](PartPage&& page, PageWorker& worker) {
        ScanPartEntry entry{page.file, page.page, std::nullopt, std::move(page.failure)};
        if (page.read) entry.processed = process_page(std::move(*page.read), profile, worker);
        return entry;
      },
      [&out](ScanPartEntry&& entry) { write_scan_part_entry(out, entry); });
  out.close();
  if (!out) throw_system(Where{.file = file.string()}, "cannot be written");
  folder.sync_file(kScanPartFile);
  folder.commit();
}

ScanSummary assemble_scan_parts(const fs::path& plan_folder, const std::vector<fs::path>& parts,
                                const ScanRequest& request) {
  const ScanPlan plan = read_scan_plan(plan_folder);
  if (parts.size() != plan.parts.size())
    throw Error(ErrorKind::usage, Where{.field = "part"},
                std::to_string(parts.size()) + " part folders given; the plan has " +
                    std::to_string(plan.parts.size()) + " parts");
  require_output(request);
  const ScanProfile profile = planned_profile(request, plan);
  const auto starts = file_starts(plan);
  OutputFolder folder(request.output);
  ScanDocumentWriter writer = document_writer(folder, profile, plan.batch, request.created);
  BatchTally tally;
  // The tally learns of each file as scan_batch's reader would come to it.
  std::size_t told = 0;
  const auto reach = [&](std::size_t file) {
    for (; told <= file && told < plan.files.size(); ++told) {
      const auto& planned = plan.files[told];
      if (planned.refused.empty())
        tally.open(planned.file);
      else
        tally.refuse(planned.file, planned.refused);
    }
  };
  std::vector<bool> failed(plan.files.size());
  for (std::size_t p = 0; p < parts.size(); ++p) {
    const fs::path file = parts[p] / kScanPartFile;
    std::ifstream in(file, std::ios::binary);
    if (!in) throw_input(Where{.file = file.string()}, "cannot be read");
    ScanPartReader reader(in, file.string());
    // Every page of the part comes, in order, but those after a failure in
    // their file within the part.
    std::size_t expected = plan.parts[p].first;
    const std::size_t end = expected + plan.parts[p].pages;
    std::size_t entries = 0;
    while (auto entry = reader.next()) {
      ++entries;
      const std::size_t slot = entry->file < plan.files.size() && entry->page < plan.files[entry->file].pages
                                   ? starts[entry->file] + entry->page
                                   : end;
      if (slot != expected || slot >= end)
        throw_input(Where{.file = file.string(), .record = "entry " + std::to_string(entries)},
                    "is page " + std::to_string(entry->page + 1) + " of file " + std::to_string(entry->file + 1) +
                        ", not the part's next page");
      expected = entry->processed ? slot + 1 : std::min(end, starts[entry->file + 1]);
      reach(entry->file);
      if (failed[entry->file]) continue;  // it failed at an earlier page, in an earlier part
      if (entry->processed) {
        entry->processed->record.source = plan.files[entry->file].file;
        entry->processed->record.batch_page = tally.count_page();
        writer.add(std::move(*entry->processed));
      } else {
        tally.refuse_rest(entry->failure);
        failed[entry->file] = true;
      }
    }
    if (expected != end)
      throw_input(Where{.file = file.string()},
                  "ends before the part's page " + std::to_string(expected + 1) + " of the batch");
  }
  if (!plan.files.empty()) reach(plan.files.size() - 1);
  return finish_scan_batch(folder, writer, tally, plan.batch, profile.name, request.created);
}

}  // namespace kuvert

#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert {

// Everything `kuvert scan` (or a scan inbox of the service) asks of one
// batch.
struct ScanRequest {
  std::vector<std::filesystem::path> inputs;  // files, or folders whose files are read in name order
  std::filesystem::path output;               // output folder; must not exist
  std::filesystem::path layouts;              // scan profiles and ImageMagick's policy (layouts/scan)
  std::string profile = "posteingang";
  unsigned threads = 0;        // 0: one per core
  bool deterministic = false;  // fixed timestamps, for comparable output
  std::string created;         // ISO timestamp for the archive files' metadata
  // Documents are NAME-0001, NAME-0002, ...: their ids and file names.
  std::string name;
};

// Fills in what the request leaves open, from the caller's clock `now`
// (Unix time): the output folder out/scan-DATE-TIME, the name (the output
// folder's) and `created` (now; a fixed time when deterministic).
void complete(ScanRequest& request, std::int64_t now);

// Whether `name` may begin the name of a document's files: letters, digits,
// - _ . only, up to 100, not starting with a dot.
bool is_document_name(const std::string& name);

// Every problem of the request at once; throws kuvert::Error (usage).
void validate(const ScanRequest& request);

}  // namespace kuvert

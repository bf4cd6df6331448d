#include "pipeline/service/scan_handover.hpp"

#include "pipeline/model/error.hpp"
#include "pipeline/service/inbox_files.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;

std::vector<std::string> hand_over_scans(const ScanSummary& summary, const fs::path& output, const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder, error);
  if (error) throw_system(Where{.file = folder.string()}, "cannot be made: " + error.message());
  std::vector<std::string> written;
  for (const auto& document : summary.documents) {
    // Ids are BATCH-0001 with the batch unique in the store: no document
    // of another batch is replaced. Only the file's own name is used.
    for (const auto& [from, extension] : {std::pair{document.file, ".pdf"}, std::pair{document.index, ".json"}}) {
      const std::string name = document.id + extension;
      copy_file_atomically(output / fs::path(from).filename(), folder / name);
      written.push_back(name);
    }
  }
  sync_folder(folder);
  return written;
}

}  // namespace kuvert::service

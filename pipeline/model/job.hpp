#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/model/document.hpp"
#include "pipeline/model/production.hpp"

namespace kuvert {

// A validated job: every document's pages exist and are accounted for.
struct Job {
  std::string name;
  std::string client;
  std::string application;
  std::filesystem::path folder;
  std::filesystem::path manifest;            // job.json, which Document::manifest_offset points into
  std::vector<std::filesystem::path> files;  // source PDFs, absolute
  std::vector<ProductionSettings> settings;  // the distinct settings of its documents; a job has few
  std::vector<Document> documents;           // in the order delivered

  const ProductionSettings& settings_of(const Document& document) const { return settings.at(document.settings); }
};

}  // namespace kuvert

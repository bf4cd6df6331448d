#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/model/document.hpp"

namespace kuvert {

// A validated job: every document's pages exist and are accounted for.
struct Job {
  std::string name;
  std::string client;
  std::string application;
  std::filesystem::path folder;
  std::vector<std::filesystem::path> files;  // source PDFs, absolute
  std::vector<Document> documents;           // in the order delivered
};

}  // namespace kuvert

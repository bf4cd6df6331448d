#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "pipeline/model/production.hpp"
#include "pipeline/model/recipient.hpp"

namespace kuvert {

// A page of a source PDF: which of the job's files, and the 0-based page.
struct PageRef {
  std::uint32_t file = 0;
  std::uint32_t page = 0;
  friend bool operator==(const PageRef&, const PageRef&) = default;
};

// One letter as delivered: consecutive pages of one source file.
struct Document {
  std::string id;
  std::uint32_t file = 0;        // index into Job::files
  std::uint32_t first_page = 0;  // 0-based
  std::uint32_t page_count = 0;
  Recipient recipient;
  // Shared by all documents with the same settings: a job has few distinct
  // ones, and a large job's documents are most of what it holds in memory.
  std::shared_ptr<const ProductionSettings> settings;

  PageRef page(std::uint32_t i) const { return {file, first_page + i}; }
};

}  // namespace kuvert

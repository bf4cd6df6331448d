#pragma once
#include <cstdint>
#include <string>

#include "pipeline/model/recipient.hpp"

namespace kuvert {

// A page of a source PDF: which of the job's files, and the 0-based page.
struct PageRef {
  std::uint32_t file = 0;
  std::uint32_t page = 0;
  friend bool operator==(const PageRef&, const PageRef&) = default;
};

// One letter as delivered: consecutive pages of one source file. A job
// holds this for every document until its last run is written, so it is
// kept small: the id and the address are read back from its entry (in the
// job manifest or records file) when a run's outputs need them
// (DocumentIdentity), and what planning needs
// of the recipient is kept beside it until planning is done (Job::recipients).
struct Document {
  std::uint64_t entry_offset = 0;  // where its entry begins in Job::entries
  std::uint32_t file = 0;          // index into Job::files
  std::uint32_t first_page = 0;    // 0-based
  std::uint32_t page_count = 0;
  std::uint16_t settings = 0;  // index into Job::settings
  bool domestic = true;        // the recipient lives in Germany: domestic postage

  PageRef page(std::uint32_t i) const { return {file, first_page + i}; }
};

// What a document is called and whom it goes to, as its entry says.
struct DocumentIdentity {
  std::string id;
  Recipient recipient;
};

}  // namespace kuvert

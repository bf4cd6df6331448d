#pragma once
#include <cstdint>
#include <fstream>
#include <optional>

#include "pipeline/model/job.hpp"
#include "stages/ingest/record_reader.hpp"

namespace kuvert {

// Reads documents' ids and addresses back from their entries, in the job
// manifest or a data job's records file, for the outputs of a run: planning
// keeps neither (see Document). One reader per thread.
class DocumentEntries {
 public:
  explicit DocumentEntries(const Job& job);

  // The id and address of job.documents[document]. Throws Error(input) when the file
  // no longer holds that document as it was read: it was changed while the
  // job was being produced.
  DocumentIdentity identity(std::uint32_t document);

 private:
  const Job& job_;
  char buffer_[4096];  // entries are a few hundred bytes; a small buffer keeps each look-up to one read
  std::ifstream entries_;
  std::optional<RecordLookup> records_;  // of a data job: its CSV header read once
};

}  // namespace kuvert

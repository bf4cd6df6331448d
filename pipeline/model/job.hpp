#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/model/document.hpp"
#include "pipeline/model/letter_form.hpp"
#include "pipeline/model/production.hpp"
#include "pipeline/model/recipient_key.hpp"
#include "pipeline/model/record_schema.hpp"

namespace kuvert {

// What tells a file's version apart: documents are read back from their
// entries while the job is produced, and the file must not change meanwhile.
struct FileStamp {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  std::uint64_t size = 0;
  std::int64_t modified_ns = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// A validated job: every document's pages exist and are accounted for.
struct Job {
  std::string name;
  std::string client;
  std::string application;
  std::string due;  // the day the client wants it posted (YYYY-MM-DD), or empty
  std::filesystem::path folder;
  // The file of the documents' entries (Document::entry_offset): job.json,
  // or a data job's records file, whose records are of `record_fields`.
  std::filesystem::path entries;
  FileStamp entries_stamp;                   // as it was read
  RecordSchema record_fields;                // empty for a print-file job
  std::vector<std::filesystem::path> files;  // source PDFs, absolute
  std::vector<ProductionSettings> settings;  // the distinct settings of its documents; a job has few
  std::vector<Document> documents;           // in the order delivered
  // The DIN 5008 form of a print file's letters (job.json "form"), where
  // the window must show their addresses; composed letters have their layout's.
  LetterForm form = LetterForm::b;
  // What planning needs of each document's recipient, by document; the
  // driver lets it go once the runs are planned.
  std::vector<RecipientKey> recipients;

  const ProductionSettings& settings_of(const Document& document) const { return settings.at(document.settings); }
};

}  // namespace kuvert

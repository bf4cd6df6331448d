#pragma once
// job.json as written by the specialist application (DESIGN.md, job
// manifest), checked field by field but not yet against files or profiles.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/letter_form.hpp"
#include "pipeline/model/production.hpp"
#include "pipeline/model/recipient.hpp"
#include "stages/ingest/page_range.hpp"

namespace kuvert {

struct ManifestDocument {
  std::string id;
  std::optional<PageRange> pages;  // from the job's print file
  std::string file;                // or a PDF of its own, relative to the job
  Recipient recipient;
  ProductionSettings settings;  // defaults with this document's overrides
};

// The manifest's job fields; its documents are read one at a time.
struct JobManifest {
  std::string job;
  std::string client;
  std::string application;
  std::string due;  // the day the client wants it posted (YYYY-MM-DD), if it says
  std::string print_file;
  std::string layout;                 // a data job's letter layout (layouts/letters/NAME.toml)
  std::string records;                // and its records file (JSON Lines or CSV)
  bool skip_bad_records = false;      // "on_bad_record": "skip"
  bool allow_standard_fonts = false;  // "standard_fonts": "allow": print files may use them unembedded
  LetterForm form = LetterForm::b;    // "form": "A" or "B", of a print file's letters
  ProductionSettings defaults;
  std::size_t documents = 0;  // how many the manifest lists
  bool valid_json = false;
};

// Opens job.json for one reading pass.
using ManifestOpener = std::function<std::unique_ptr<std::istream>()>;

// Reads the job's fields and defaults, passing over the documents, so the
// parsed manifest never stands in memory as a whole. Every problem found is
// appended to `problems` (with Where::job and Where::file set).
JobManifest read_job_manifest(const ManifestOpener& open, const Where& where, std::vector<Diagnostic>& problems);

// The job's own fields from the job folder or manifest `job`, as above,
// where they can be read; empty fields (and valid_json false) where not,
// read_job says why. Never opens what is not a plain file.
JobManifest read_job_fields(const std::filesystem::path& job);

// Reads the documents in order, each checked field by field with the
// defaults applied, and hands each to `each` with the byte offset where its
// entry begins in the manifest (also those with problems, which are
// appended to `problems`, as are ids used twice). Does nothing for a
// manifest that is not JSON or lists no documents.
void read_manifest_documents(const ManifestOpener& open, const JobManifest& manifest, const Where& where,
                             std::vector<Diagnostic>& problems,
                             const std::function<void(ManifestDocument&&, std::uint64_t offset)>& each);

// Reads the document entry that begins at `offset` of the manifest `in`
// again, checked as above but without defaults; nothing when no JSON value
// begins there.
std::optional<ManifestDocument> read_manifest_document_at(std::istream& in, std::uint64_t offset, const Where& where,
                                                          std::vector<Diagnostic>& problems);

// One document entry checked as above, with `defaults`: what kuvert split
// writes passes every check kuvert run makes of it.
ManifestDocument read_manifest_document(const nlohmann::json& entry, const Where& where,
                                        std::vector<Diagnostic>& problems, const ProductionSettings& defaults = {});

}  // namespace kuvert

#pragma once
// The PDFs of a job, opened once while the job is checked and kept open for
// imposition, so that a large print file is indexed only once. At most
// `max_open` stay open (each holds a file descriptor); the least recently
// used one is closed and reopened when asked for again.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/pdf/source_pdf.hpp"

namespace kuvert {

class SourceFiles {
 public:
  explicit SourceFiles(std::size_t max_open = 64) : max_open_(max_open) {}

  // Opens a file and returns its index (the order of Job::files). Throws
  // like SourcePdf's constructor.
  std::uint32_t add(const std::filesystem::path& path, std::string display_name);
  // The file at `index`, reopened if it was closed. Not thread-safe.
  // Throws kuvert::Error (input) when what the name leads to now is
  // another file than the one first opened.
  SourcePdf& at(std::uint32_t index);
  std::size_t size() const { return files_.size(); }
  // What messages call the file at `index` (its name in the job).
  const std::string& name(std::uint32_t index) const { return files_.at(index).name; }

 private:
  struct Entry {
    std::filesystem::path path;
    std::string name;
    std::unique_ptr<SourcePdf> file;
    std::pair<std::uint64_t, std::uint64_t> identity;  // of the file first opened
    std::uint64_t last_use = 0;
  };
  void make_room();

  std::size_t max_open_;
  std::vector<Entry> files_;
  std::size_t open_ = 0;
  std::uint64_t clock_ = 0;
};

}  // namespace kuvert

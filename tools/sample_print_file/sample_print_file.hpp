#pragma once
// Print files without an index, as older specialist applications deliver
// them, for the split's samples, tests and benchmark (issue 16): a data
// job's fictitious records (sample_records.hpp) composed by one of our
// letter layouts into one plain PDF, letter after letter. Beside it, the
// index the application would have written had it written one (job.json,
// a print-file job), so that a split of the file can be compared with it,
// and `kuvert run` on the index with `kuvert run --split` on the file.
#include <cstddef>
#include <filesystem>
#include <string>

#include "tools/sample_job/sample_records.hpp"

namespace kuvert {

struct SamplePrintFileOptions {
  SampleRecordsOptions records;
  std::filesystem::path layouts = "layouts";
  std::filesystem::path fonts = "fonts";  // the folder of fonts.toml
  std::string file = "druck.pdf";         // the print file's name in the folder
};

// Writes `folder`/FILE and `folder`/job.json (which `folder` must not
// hold yet); returns the number of letters. Throws kuvert::Error as
// `kuvert run` would on the data job.
std::size_t write_sample_print_file(const std::filesystem::path& folder, const SamplePrintFileOptions& options);

}  // namespace kuvert

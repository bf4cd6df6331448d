#pragma once
// `kuvert split PRINTFILE --profile NAME [-o JOBDIR]` (issue 16): a print
// file without an index split into documents by a split profile
// (stages/split), written as the job folder a specialist application would
// have delivered: the print file (copied, then read), job.json, and
// split.csv with what was found per document. `kuvert run` then takes it
// as any job.
#include <cstddef>
#include <filesystem>
#include <string>

namespace kuvert {

struct SplitRequest {
  std::filesystem::path print_file;
  std::string profile;           // layouts/splits/NAME.toml
  std::filesystem::path output;  // the job folder to write; must not exist
  std::filesystem::path layouts;
  // --proof: a PDF of the regions read and what was found on each
  // document's first page (split_proof.hpp), written even when the split
  // is refused; `fonts` the folder of fonts.toml for its labels.
  std::filesystem::path proof;
  std::filesystem::path fonts;
  unsigned threads = 0;  // reading pages; 0: one per core
  // ISO date the profiles are read for, as kuvert run of the job will
  // (its tariff); empty: today.
  std::string production_date;
};

// The job folder by default: jobs/STEM, whose `kuvert run` then writes
// out/STEM (an output beside it in out/ would be taken for the run's).
void complete(SplitRequest& request);

struct SplitSummary {
  std::size_t pages = 0;
  std::size_t documents = 0;  // in job.json
  std::size_t left_out = 0;   // bad documents a profile that skips them left out (exceptions.csv)
};

// Throws kuvert::Error (input) listing every problem with its page (the
// split's own and each document's recipient) and writes nothing then,
// unless the profile skips bad documents: then the others go on, and
// exceptions.csv lists the problems (pages, id, field, problem); a file
// with no good document is refused all the same. The job folder appears
// whole or not at all.
SplitSummary split_print_file(const SplitRequest& request);

class OutputFolder;
// The same into `subfolder` of an output folder being written (`kuvert run
// --split`: the job folder beside the runs made of it), without commit.
SplitSummary split_into(const SplitRequest& request, const OutputFolder& output, const std::string& subfolder);

}  // namespace kuvert

#pragma once
// A batch as a scanner delivers it, in one image-only PDF: per document a
// separator sheet (Code 128 "TRENN-NNNN"), its letter pages skewed by 0.5
// to 3 degrees, every fourth upside down, all with dust, and a blank back
// after each document's last page.
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::sample {

struct SampleBatchOptions {
  unsigned documents = 4;
  unsigned pages = 2;  // letter pages per document
  std::filesystem::path fonts;
};

struct SampleBatch {
  unsigned pages = 0;                   // in the file, separators and blanks included
  std::vector<std::string> page_texts;  // of the letter pages, in order, lines joined by '\n'
  std::vector<double> skew_degrees;     // of the letter pages
  std::vector<bool> upside_down;        // of the letter pages
};

SampleBatch write_sample_batch(const std::filesystem::path& pdf, const SampleBatchOptions& options);

}  // namespace kuvert::sample

#include "tools/sample_scan/sample_batch.hpp"

#include <cstdio>

#include "stages/scan/archive_file.hpp"
#include "tools/sample_scan/scan_sample.hpp"

namespace kuvert::sample {

SampleBatch write_sample_batch(const std::filesystem::path& pdf, const SampleBatchOptions& options) {
  static constexpr double kAngles[] = {0.5, -1.2, 2.0, -2.8, 1.5, -0.7, 3.0, -2.2};
  SampleBatch batch;
  ArchiveFile file(pdf, {"Scan", "2026-11-22T12:00:00Z"});
  const auto add = [&](Pix* page) {
    file.add_page(scan::encode_archive_page(page, 300, {}, false, 90));
    ++batch.pages;
  };
  for (unsigned document = 1; document <= options.documents; ++document) {
    char code[32];
    std::snprintf(code, sizeof code, "TRENN-%04u", document);
    add(separator_sheet(code).get());
    for (unsigned page = 1; page <= options.pages; ++page) {
      const unsigned n = static_cast<unsigned>(batch.page_texts.size());
      const auto lines = letter_text(document * 100 + page);
      std::string text;
      for (const auto& line : lines) text += (text.empty() ? "" : "\n") + line;
      const double angle = kAngles[n % std::size(kAngles)];
      const bool turned = n % 4 == 3;
      scan::PixPtr image = skewed(text_page(lines, options.fonts).get(), angle);
      if (turned) image.reset(pixRotateOrth(image.get(), 2));
      sprinkle(image.get(), 150, n);
      add(image.get());
      batch.page_texts.push_back(std::move(text));
      batch.skew_degrees.push_back(angle);
      batch.upside_down.push_back(turned);
    }
    add(blank_back(document).get());
  }
  file.finish();
  return batch;
}

}  // namespace kuvert::sample

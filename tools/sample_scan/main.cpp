// kuvert-sample-scan: writes a scan batch of fictitious letters for demos,
// tests and the OCR benchmark, or measures how right a recognised text is.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "tools/sample_scan/sample_batch.hpp"
#include "tools/sample_scan/scan_sample.hpp"

namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes BATCH.pdf, an image-only scan batch (separator sheets, skewed and turned letter pages with\n"
               "dust, blank backs), and its letters' text; or with --accuracy compares a recognised text"};
  kuvert::sample::SampleBatchOptions options;
  std::string pdf, truth;
  std::vector<std::string> accuracy;
  unsigned tiny_pages = 0;
  options.fonts = std::filesystem::path(argv[0]).parent_path().parent_path() / "fonts";
  app.add_option("batch", pdf, "PDF file to write");
  app.add_option("--documents", options.documents, "Documents in the batch")->check(CLI::Range(1u, 10000u));
  app.add_option("--pages", options.pages, "Letter pages per document")->check(CLI::Range(1u, 100u));
  app.add_option("--truth", truth, "Write the letters' text here (pages separated by form feeds)");
  app.add_option("--fonts", options.fonts, "kuvert's fonts/ folder");
  app.add_option("--accuracy", accuracy, "Instead: EXPECTED READ, two text files; prints the character accuracy")
      ->expected(2);
  app.add_option("--tiny-pages", tiny_pages, "Instead: write BATCH as a TIFF of this many 32 x 32 pixel pages")
      ->check(CLI::Range(1u, 100000u));
  CLI11_PARSE(app, argc, argv);
  try {
    if (tiny_pages > 0 && !pdf.empty()) {
      kuvert::sample::write_tiny_page_tiff(pdf, tiny_pages);
      std::printf("%s: %u tiny pages\n", pdf.c_str(), tiny_pages);
      return 0;
    }
    if (!accuracy.empty()) {
      std::printf("%.4f\n", kuvert::sample::character_accuracy(file_text(accuracy[0]), file_text(accuracy[1])));
      return 0;
    }
    if (pdf.empty()) {
      std::fprintf(stderr, "kuvert-sample-scan: a batch file or --accuracy is required\n");
      return 2;
    }
    const auto batch = kuvert::sample::write_sample_batch(pdf, options);
    if (!truth.empty()) {
      std::ofstream out(truth, std::ios::binary);
      for (std::size_t i = 0; i < batch.page_texts.size(); ++i) out << (i ? "\f" : "") << batch.page_texts[i] << "\n";
    }
    std::printf("%s: %u pages, %zu of them letter pages\n", pdf.c_str(), batch.pages, batch.page_texts.size());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "kuvert-sample-scan: %s\n", error.what());
    return 1;
  }
  return 0;
}

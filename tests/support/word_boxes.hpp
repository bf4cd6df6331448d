#pragma once
// Every word poppler finds on the pages of a PDF, with its box: what
// `pdftotext -bbox` reports, in mm from the page's top-left corner.
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::test {

struct WordBox {
  int page = 0;  // 1-based
  std::string text;
  double x = 0, y = 0, right = 0, bottom = 0;  // mm
};

std::vector<WordBox> word_boxes(const std::filesystem::path& pdf);

}  // namespace kuvert::test

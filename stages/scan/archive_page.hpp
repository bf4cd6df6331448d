#pragma once
#include <string>

namespace kuvert::scan {

// One page's image and content stream, encoded (the costly part, on any
// thread) before the page gets its object numbers in its file.
struct ArchivePage {
  std::string image;             // the image XObject stream, dictionary included
  std::string contents;          // the page's content stream: the image and the invisible words
  double width = 0, height = 0;  // points
};

}  // namespace kuvert::scan

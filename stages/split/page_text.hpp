#pragma once
// The text of a print file's pages as the PDF itself holds it, word by
// word with where each stands: what a split profile reads its rules and
// fields from (index-less print files, issue 16). kuvert's own reader
// finds the words (pipeline/pdf/page_words: 0.05 ms a page, memory flat);
// a page whose fonts do not say what their glyphs stand for is read by
// poppler-cpp (page::text_list), which reads font programs too, at some
// 0.4 ms a page and 2 kB a page held. PoDoFo 0.9.8 extracts text without
// positions a program can use.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/pdf/page_words.hpp"

namespace poppler {
class document;
}

namespace kuvert {
class SourcePdf;
}

namespace kuvert::split {

using Word = pdf::PageWord;

struct PageText {
  std::uint32_t number = 0;  // 1-based in the file
  std::vector<Word> words;   // in the order the page draws them (poppler's: its reading order)
};

// Past this many words a page is refused: no letter has them, a hostile
// file may.
inline constexpr std::size_t kMaxWordsPerPage = 20'000;
// Past this many pages a print file is refused (the yearly property-tax
// file of a large town has some 100,000).
inline constexpr std::uint32_t kMaxPrintFilePages = 500'000;

class PrintFileText {
 public:
  // Throws kuvert::Error (input) naming `name` when the file is no PDF
  // kuvert reads (SourcePdf's reasons: damaged, encrypted, ...) or has more
  // than kMaxPrintFilePages pages.
  PrintFileText(const std::filesystem::path& file, const std::string& name);
  ~PrintFileText();
  PrintFileText(const PrintFileText&) = delete;
  PrintFileText& operator=(const PrintFileText&) = delete;

  std::uint32_t pages() const { return pages_; }
  // Page `number` (1-based). Throws kuvert::Error (input) naming the page
  // when it cannot be read or has more words than kMaxWordsPerPage.
  PageText page(std::uint32_t number);
  // How many pages poppler read so far.
  std::uint32_t read_by_poppler() const { return read_by_poppler_; }

 private:
  PageText poppler_page(std::uint32_t number);

  std::filesystem::path file_;
  std::string name_;
  std::unique_ptr<SourcePdf> source_;
  std::unique_ptr<poppler::document> poppler_;  // opened for the first page that needs it
  std::uint32_t pages_ = 0;
  std::uint32_t read_by_poppler_ = 0;
};

struct TextLine {
  std::string text;
  double x = 0;  // mm: where its first word begins
};

// The lines of text in `region` (the words whose centres lie inside), top
// to bottom, each line's words left to right, joined by one space. Words
// belong to one line when their centres stand less than half a word's
// height apart vertically.
std::vector<TextLine> text_lines_in(const PageText& page, const RectMm& region);
// Their texts alone.
std::vector<std::string> lines_in(const PageText& page, const RectMm& region);

}  // namespace kuvert::split

#include "stages/split/page_text.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/pdf/source_pdf.hpp"

namespace kuvert::split {
namespace {

double centre_x(const Word& word) { return word.box.x + word.box.width / 2; }
double centre_y(const Word& word) { return word.box.y + word.box.height / 2; }

bool inside(const Word& word, const RectMm& region) {
  const double x = centre_x(word), y = centre_y(word);
  return x >= region.x && x <= region.x + region.width && y >= region.y && y <= region.y + region.height;
}

}  // namespace

PrintFileText::PrintFileText(const std::filesystem::path& file, const std::string& name)
    : file_(file), name_(name), source_(std::make_unique<SourcePdf>(file, name)) {
  const std::uint32_t pages = source_->page_count();
  if (pages > kMaxPrintFilePages)
    throw Error(ErrorKind::input, Where{.file = name},
                "has " + std::to_string(pages) + " pages, more than the " + std::to_string(kMaxPrintFilePages) +
                    " a print file may have");
  pages_ = pages;
}

PrintFileText::~PrintFileText() = default;

namespace {

[[noreturn]] void refuse_page(const std::string& name, std::uint32_t number, const std::string& problem) {
  throw Error(ErrorKind::input, Where{.file = name, .record = "page " + std::to_string(number)}, problem);
}

[[noreturn]] void refuse_words(const std::string& name, std::uint32_t number) {
  refuse_page(name, number, "has more than " + std::to_string(kMaxWordsPerPage) + " words; no letter has as many");
}

}  // namespace

PageText PrintFileText::page(std::uint32_t number) {
  if (number == 0 || number > pages_) refuse_page(name_, number, "cannot be read");
  // Form fields and stamps that print, and layers, are drawn by poppler
  // as a viewer shows them; kuvert reads the page's own content only.
  const auto obstacle = source_->obstacle(number - 1);
  if (obstacle == pdf::PageObstacle::printing_annotations || obstacle == pdf::PageObstacle::optional_content)
    return poppler_page(number);
  pdf::PageWords words = source_->words(number - 1, kMaxWordsPerPage);
  if (words.too_much_text)
    refuse_page(
        name_, number,
        "has more than " + std::to_string(pdf::kMaxPageTextBytes / 1024) + " kB of text; no letter has as much");
  if (!words.complete) return poppler_page(number);
  if (words.words.size() > kMaxWordsPerPage) refuse_words(name_, number);
  return PageText{number, std::move(words.words)};
}

PageText PrintFileText::poppler_page(std::uint32_t number) {
  if (!poppler_) {
    poppler_.reset(poppler::document::load_from_file(file_.string()));
    if (!poppler_ || poppler_->is_locked()) refuse_page(name_, number, "cannot be read");
  }
  ++read_by_poppler_;
  const std::unique_ptr<poppler::page> page(poppler_->create_page(static_cast<int>(number) - 1));
  if (!page) refuse_page(name_, number, "cannot be read");
  PageText text;
  text.number = number;
  for (const auto& box : page->text_list()) {
    if (text.words.size() == kMaxWordsPerPage) refuse_words(name_, number);
    const auto utf8 = box.text().to_utf8();
    const auto bbox = box.bbox();
    text.words.push_back({pdf::with_ligatures_as_letters(std::string_view(utf8.data(), utf8.size())),
                          RectMm{bbox.x() * kMmPerPoint, bbox.y() * kMmPerPoint, bbox.width() * kMmPerPoint,
                                 bbox.height() * kMmPerPoint}});
  }
  return text;
}

std::vector<TextLine> text_lines_in(const PageText& page, const RectMm& region) {
  std::vector<const Word*> words;
  for (const auto& word : page.words)
    if (inside(word, region)) words.push_back(&word);
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) { return centre_y(*a) < centre_y(*b); });
  // Lines: runs of words, by height, whose centres stay within half a word
  // of the line's first.
  std::vector<std::vector<const Word*>> lines;
  for (const Word* word : words) {
    if (lines.empty() || centre_y(*word) - centre_y(*lines.back().front()) >=
                             std::min(word->box.height, lines.back().front()->box.height) / 2)
      lines.emplace_back();
    lines.back().push_back(word);
  }
  std::vector<TextLine> texts;
  for (auto& line : lines) {
    std::sort(line.begin(), line.end(), [](const Word* a, const Word* b) { return a->box.x < b->box.x; });
    TextLine text{"", line.front()->box.x};
    for (const Word* word : line) {
      if (!text.text.empty()) text.text += ' ';
      text.text += word->text;
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

std::vector<std::string> lines_in(const PageText& page, const RectMm& region) {
  std::vector<std::string> texts;
  for (auto& line : text_lines_in(page, region)) texts.push_back(std::move(line.text));
  return texts;
}

}  // namespace kuvert::split

#include "pipeline/driver/text_page.hpp"

namespace kuvert {

using namespace kuvert::compose;

TextPage::TextPage(TextFonts& fonts)
    : fonts_(fonts), regular_(fonts.set.index("sans")), bold_(fonts.set.index("sans-bold")) {}

void TextPage::text(const std::string& text, double x, double y, double size, bool bold) {
  content_.text(fonts_.set, fonts_.setter.line(bold ? bold_ : regular_, text), x, y, size, fonts_.usage);
}

void TextPage::number(const std::string& text, double right, double y, double size, bool bold) {
  this->text(text, right - width(text, size, bold), y, size, bold);
}

double TextPage::width(const std::string& text, double size, bool bold) {
  return fonts_.setter.width(fonts_.setter.line(bold ? bold_ : regular_, text), size);
}

std::string TextPage::fitted(const std::string& text, double size, double width_pt, bool bold) {
  if (width(text, size, bold) <= width_pt) return text;
  std::string cut = text;
  while (!cut.empty()) {
    std::size_t end = cut.size() - 1;  // the last character's first byte
    while (end > 0 && (static_cast<unsigned char>(cut[end]) & 0xC0) == 0x80) --end;
    cut.resize(end);
    if (width(cut + "…", size, bold) <= width_pt) return cut + "…";
  }
  return "…";
}

double TextPage::paragraph(const std::string& paragraph, double x, double y, double size, double width_pt,
                           double leading) {
  for (const auto& line : fonts_.setter.lines(regular_, paragraph, size, width_pt)) {
    content_.text(fonts_.set, line, x, y, size, fonts_.usage);
    y -= leading;
  }
  return y;
}

void TextPage::rule(double y, double left, double right, double width) { content_.line(left, y, right, y, width); }

}  // namespace kuvert

#include "tests/support/word_boxes.hpp"

#include <stdexcept>

#include "tests/support/process.hpp"

namespace kuvert::test {
namespace {

constexpr double kMmPerPoint = 25.4 / 72;

double attribute(const std::string& tag, const std::string& name) {
  const auto at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) throw std::runtime_error("pdftotext -bbox: no " + name + " in " + tag);
  return std::stod(tag.substr(at + name.size() + 3)) * kMmPerPoint;
}

// pdftotext writes XHTML: &amp; &lt; &gt; &quot; &apos; in words.
std::string unescaped(const std::string& text) {
  static const std::pair<const char*, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [entity, character] : kEntities)
      if (text.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
        out += character;
        i += std::char_traits<char>::length(entity);
        replaced = true;
        break;
      }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace

std::vector<WordBox> word_boxes(const std::filesystem::path& pdf) {
  const auto result = run_process({"pdftotext", "-bbox", pdf.string(), "-"});
  require_success(result, "pdftotext -bbox");
  const std::string& xhtml = result.out;
  std::vector<WordBox> words;
  int page = 0;
  for (std::size_t at = xhtml.find('<'); at != std::string::npos; at = xhtml.find('<', at + 1)) {
    if (xhtml.compare(at, 6, "<page ") == 0) {
      ++page;
    } else if (xhtml.compare(at, 6, "<word ") == 0) {
      const auto tag_end = xhtml.find('>', at);
      const auto close = xhtml.find("</word>", tag_end);
      const std::string tag = xhtml.substr(at, tag_end - at);
      words.push_back({page, unescaped(xhtml.substr(tag_end + 1, close - tag_end - 1)), attribute(tag, "xMin"),
                       attribute(tag, "yMin"), attribute(tag, "xMax"), attribute(tag, "yMax")});
      at = close;
    }
  }
  return words;
}

}  // namespace kuvert::test

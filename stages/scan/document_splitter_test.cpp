#include "stages/scan/document_splitter.hpp"

#include <catch2/catch.hpp>

namespace kuvert::scan {
namespace {

using Pages = std::vector<std::uint32_t>;

std::vector<SplitDocument> split(SeparationRule rule, const std::vector<PageVerdict>& pages) {
  DocumentSplitter splitter(rule);
  std::vector<SplitDocument> documents;
  for (const auto& page : pages)
    if (auto done = splitter.add(page)) documents.push_back(std::move(*done));
  if (auto last = splitter.finish()) documents.push_back(std::move(*last));
  return documents;
}

PageVerdict content(std::uint32_t n) { return {n, false, std::nullopt}; }
PageVerdict blank(std::uint32_t n) { return {n, true, std::nullopt}; }
PageVerdict sheet(std::uint32_t n, std::string code) { return {n, false, std::move(code)}; }

TEST_CASE("separator sheets end documents and give the next one their text", "[scan][separation]") {
  const auto documents = split({ScanSeparation::separator_sheet, 1},
                               {sheet(1, "AKTE-7"), content(2), blank(3), content(4), sheet(5, "AKTE-8"), content(6),
                                sheet(7, "LEER"), sheet(8, "AKTE-9"), content(9), blank(10)});
  REQUIRE(documents.size() == 3);
  CHECK(documents[0].pages == Pages{2, 4});
  CHECK(documents[0].dropped_blank == Pages{3});
  CHECK(documents[0].separator == "AKTE-7");
  CHECK(documents[1].pages == Pages{6});
  CHECK(documents[1].separator == "AKTE-8");
  CHECK(documents[2].pages == Pages{9});
  CHECK(documents[2].dropped_blank == Pages{10});
  CHECK(documents[2].separator == "AKTE-9");  // two sheets in a row: the later one counts
}

TEST_CASE("blank pages can separate documents", "[scan][separation]") {
  const auto documents =
      split({ScanSeparation::blank_page, 1}, {content(1), content(2), blank(3), blank(4), content(5), blank(6)});
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].pages == Pages{1, 2});
  CHECK(documents[0].dropped_blank == Pages{3});
  CHECK(documents[1].pages == Pages{5});
  CHECK(documents[1].dropped_blank == Pages{4, 6});
}

TEST_CASE("a fixed page count separates documents, blank backs not counted", "[scan][separation]") {
  const auto documents = split({ScanSeparation::page_count, 2},
                               {content(1), blank(2), content(3), blank(4), content(5), content(6), content(7)});
  REQUIRE(documents.size() == 3);
  CHECK(documents[0].pages == Pages{1, 3});
  CHECK(documents[0].dropped_blank == Pages{2});
  CHECK(documents[1].pages == Pages{5, 6});
  CHECK(documents[1].dropped_blank == Pages{4});
  CHECK(documents[2].pages == Pages{7});
}

}  // namespace
}  // namespace kuvert::scan

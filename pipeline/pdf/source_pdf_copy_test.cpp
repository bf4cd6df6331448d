#include <algorithm>
#include <catch2/catch.hpp>

#include "pipeline/pdf/source_pdf.hpp"
#include "tests/support/source_pdf_files.hpp"

namespace kuvert {
namespace {

using test::classic_pdf;
using test::TempFolder;
using test::write_file;

std::vector<CopiedPage> copy_pages(SourcePdf& spool, const std::vector<std::uint32_t>& pages,
                                   ObjectNumbering& numbering) {
  std::vector<CopiedPage> copies;
  for (const auto page : pages) copies.push_back(spool.copy_page(page, 0, numbering));
  return copies;
}

std::size_t objects_containing(const std::vector<CopiedPage>& copies, const std::string& text) {
  std::size_t count = 0;
  for (const auto& copy : copies) {
    count += std::count_if(copy.objects.begin(), copy.objects.end(),
                           [&](const PdfObjectBytes& object) { return object.body.find(text) != std::string::npos; });
  }
  return count;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("copied pages make a valid PDF with each page's text in order", "[spool]") {
  TempFolder dir;
  test::make_sample_pdf(dir / "sample.pdf");
  const bool object_streams = GENERATE(false, true);
  std::filesystem::path source = dir / "sample.pdf";
  if (object_streams) {
    source = dir / "objstm.pdf";
    REQUIRE(test::run_process({"qpdf", "--object-streams=generate", (dir / "sample.pdf").string(), source.string()})
                .exit_code == 0);
  }

  SourcePdf spool(source, "sample.pdf");
  ObjectNumbering numbering;
  // Out of order and with a repeat: the output follows the copies.
  const std::vector<std::uint32_t> order{5, 0, 1, 2, 3, 4, 0};
  const auto copies = copy_pages(spool, order, numbering);
  write_file(dir / "out.pdf", test::output_pdf(copies, numbering));

  const auto check = test::run_process({"qpdf", "--check", (dir / "out.pdf").string()});
  INFO(check.out + check.err);
  CHECK(check.exit_code == 0);
  CHECK(contains(check.out, "No syntax or stream encoding errors found"));

  const auto texts = test::page_texts(dir / "out.pdf");
  REQUIRE(texts.size() == order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    INFO("output page " << i);
    CHECK(contains(texts[i], test::sample_text(static_cast<int>(order[i]))));
  }
}

TEST_CASE("pages that share a font emit the font object once", "[spool]") {
  TempFolder dir;
  test::make_sample_pdf(dir / "sample.pdf");
  SourcePdf spool(dir / "sample.pdf", "sample.pdf");
  ObjectNumbering numbering;
  const auto copies = copy_pages(spool, {0, 1}, numbering);
  CHECK(objects_containing({copies[0]}, "/BaseFont /Helvetica") == 1);
  CHECK(objects_containing({copies[1]}, "/BaseFont /Helvetica") == 0);
  // Each page still brings its own content stream.
  CHECK(copies[0].contents.size() == 1);
  CHECK(copies[1].contents.size() == 1);
  CHECK(copies[0].contents != copies[1].contents);

  // Another output file gets its own copy.
  ObjectNumbering other;
  CHECK(objects_containing({spool.copy_page(1, 0, other)}, "/BaseFont /Helvetica") == 1);
}

TEST_CASE("copied page entries state inherited attributes and drop ties to the source", "[spool]") {
  TempFolder dir;
  test::make_sample_pdf(dir / "sample.pdf");
  SourcePdf spool(dir / "sample.pdf", "sample.pdf");
  ObjectNumbering numbering;

  const CopiedPage first = spool.copy_page(0, 0, numbering);
  CHECK(contains(first.entries, "/KuvertNote (a \\(b\\) \\\\ c)"));
  CHECK(contains(first.entries, "/MediaBox [0 0 595 842]"));
  CHECK_FALSE(contains(first.entries, "/Parent"));
  CHECK_FALSE(contains(first.entries, "/Type"));
  CHECK_FALSE(contains(first.entries, "/Contents"));

  const CopiedPage third = spool.copy_page(2, 0, numbering);
  // The visible box (the CropBox inside the MediaBox) becomes the MediaBox.
  CHECK(contains(third.entries, "/MediaBox [10 10 390 570]"));
  CHECK_FALSE(contains(third.entries, "/CropBox"));
  CHECK(contains(third.entries, "/Rotate 90"));
  CHECK(contains(third.entries, "/Resources <<"));
  CHECK(third.llx == 10);
  CHECK(third.lly == 10);
  CHECK(third.urx == 390);
  CHECK(third.ury == 570);

  const CopiedPage fourth = spool.copy_page(3, 0, numbering);
  CHECK(contains(fourth.entries, "/Rotate 180"));
  CHECK_FALSE(contains(fourth.entries, "/Rotate 90"));
}

TEST_CASE("copying resolves indirect lengths and nulls missing references", "[spool]") {
  const std::string content = "0 0 m 10 10 l S";
  TempFolder dir;
  write_file(dir / "small.pdf",
             classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                          {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>"},
                          {3,
                           "<< /Type /Page /Parent 2 0 R /Contents [4 0 R 98 0 R] /UserUnit 0.0000125 "
                           "/Resources << /XObject << /Gone 99 0 R /Page 3 0 R >> >> >>"},
                          {4, "<< /Length 5 0 R >>\nstream\n" + content + "\nendstream"},
                          {5, std::to_string(content.size())}}));
  SourcePdf spool(dir / "small.pdf", "small.pdf");
  ObjectNumbering numbering;
  const CopiedPage copy = spool.copy_page(0, 0, numbering);

  CHECK(contains(copy.entries, "/Gone null"));
  CHECK(contains(copy.entries, "/UserUnit 0.0000125"));
  CHECK(contains(copy.entries, "/Page null"));
  REQUIRE(copy.contents.size() == 1);
  REQUIRE(copy.objects.size() == 1);
  CHECK(copy.objects[0].number == copy.contents[0]);
  CHECK(copy.objects[0].body == "<</Length 15>>\nstream\n" + content + "\nendstream");
}

TEST_CASE("contents given as a referenced array copy each stream", "[spool]") {
  TempFolder dir;
  write_file(dir / "array.pdf", classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                                             {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>"},
                                             {3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"},
                                             {4, "[5 0 R 6 0 R]"},
                                             {5, "<< /Length 1 >>\nstream\nq\nendstream"},
                                             {6, "<< /Length 1 >>\nstream\nQ\nendstream"}}));
  SourcePdf spool(dir / "array.pdf", "array.pdf");
  ObjectNumbering numbering;
  const CopiedPage copy = spool.copy_page(0, 0, numbering);
  REQUIRE(copy.contents.size() == 2);
  REQUIRE(copy.objects.size() == 2);
  CHECK(copy.objects[0].body == "<</Length 1>>\nstream\nq\nendstream");
  CHECK(copy.objects[1].body == "<</Length 1>>\nstream\nQ\nendstream");
}

TEST_CASE("a stream with a wrong length is delimited by endstream", "[spool]") {
  const std::string content = "BT /F1 12 Tf ET";
  TempFolder dir;
  write_file(dir / "bad-length.pdf",
             classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                          {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>"},
                          {3, "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>"},
                          {4, "<< /Length 999 >>\nstream\r\n" + content + "\r\nendstream"}}));
  SourcePdf spool(dir / "bad-length.pdf", "bad-length.pdf");
  ObjectNumbering numbering;
  const CopiedPage copy = spool.copy_page(0, 0, numbering);
  REQUIRE(copy.objects.size() == 1);
  CHECK(copy.objects[0].body == "<</Length 15>>\nstream\n" + content + "\nendstream");
}

}  // namespace
}  // namespace kuvert

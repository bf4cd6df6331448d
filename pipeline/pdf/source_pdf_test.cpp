#include "pipeline/pdf/source_pdf.hpp"

#include <zlib.h>

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "tests/support/source_pdf_files.hpp"

namespace kuvert {
namespace {

using test::classic_pdf;
using test::read_file;
using test::TempFolder;
using test::write_file;

void check_box(const PageGeometry& g, double llx, double lly, double urx, double ury, int rotate) {
  CHECK(g.llx == Approx(llx));
  CHECK(g.lly == Approx(lly));
  CHECK(g.urx == Approx(urx));
  CHECK(g.ury == Approx(ury));
  CHECK(g.rotate == rotate);
}

// The geometry the sample file's nested /Pages nodes give each page.
void check_sample_geometry(SourcePdf& spool) {
  REQUIRE(spool.page_count() == 6);
  check_box(spool.geometry(0), 0, 0, 595, 842, 0);
  check_box(spool.geometry(1), 0, 0, 420, 595, 90);
  check_box(spool.geometry(2), 10, 10, 390, 570, 90);
  check_box(spool.geometry(3), 10, 10, 390, 570, 180);
  check_box(spool.geometry(4), 0, 0, 420, 595, 90);
  check_box(spool.geometry(5), 0, 0, 595, 842, 0);
}

// The error a file gives when opened as "letters.pdf".
Diagnostic open_error(const std::filesystem::path& path, ErrorKind expected_kind = ErrorKind::input) {
  try {
    SourcePdf spool(path, "letters.pdf");
  } catch (const Error& error) {
    CHECK(error.kind() == expected_kind);
    REQUIRE(error.problems().size() == 1);
    return error.problems().front();
  }
  FAIL("the file opened");
  return {};
}

// A one-page file whose page tree node 2 holds `kids`.
std::map<std::uint32_t, std::string> one_page_objects() {
  return {{1, "<< /Type /Catalog /Pages 2 0 R >>"},
          {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>"},
          {3, "<< /Type /Page /Parent 2 0 R >>"}};
}

// `base` with an incremental update that replaces `objects`.
std::string with_update(const std::string& base, const std::map<std::uint32_t, std::string>& objects) {
  const auto keyword = base.rfind("startxref");
  const std::string previous = base.substr(keyword + 10, base.find('\n', keyword + 10) - keyword - 10);
  std::string pdf = base;
  std::string table = "xref\n0 1\n0000000000 65535 f \n";
  for (const auto& [number, body] : objects) {
    char line[64];
    std::snprintf(line, sizeof line, "%u 1\n%010zu 00000 n \n", number, pdf.size());
    table += line;
    pdf += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  return pdf + table + "trailer\n<< /Size 10 /Root 1 0 R /Prev " + previous + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
}

TEST_CASE("spool file reads pages and inherited geometry of a classic PDF", "[spool]") {
  TempFolder dir;
  test::make_sample_pdf(dir / "sample.pdf");
  SourcePdf spool(dir / "sample.pdf", "sample.pdf");
  check_sample_geometry(spool);
  CHECK_THROWS_AS(spool.geometry(6), std::out_of_range);
}

TEST_CASE("spool file reads object streams and xref streams", "[spool]") {
  TempFolder dir;
  test::make_sample_pdf(dir / "sample.pdf");
  REQUIRE(test::run_process(
              {"qpdf", "--object-streams=generate", (dir / "sample.pdf").string(), (dir / "objstm.pdf").string()})
              .exit_code == 0);
  const std::string bytes = read_file(dir / "objstm.pdf");
  REQUIRE(bytes.find("/ObjStm") != std::string::npos);
  REQUIRE(bytes.find("/XRef") != std::string::npos);

  SourcePdf spool(dir / "objstm.pdf", "objstm.pdf");
  check_sample_geometry(spool);
}

TEST_CASE("spool file follows /Kids given as a reference to an array", "[spool]") {
  TempFolder dir;
  write_file(dir / "indirect.pdf", classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                                                {2, "<< /Type /Pages /Kids 5 0 R /Count 2 /MediaBox [0 0 200 100] >>"},
                                                {3, "<< /Type /Page /Parent 2 0 R >>"},
                                                {4, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] >>"},
                                                {5, "[4 0 R 3 0 R]"}}));
  SourcePdf spool(dir / "indirect.pdf", "indirect.pdf");
  REQUIRE(spool.page_count() == 2);
  CHECK(spool.geometry(0).urx == 300);
  CHECK(spool.geometry(1).urx == 200);
}

TEST_CASE("spool file takes the last /Kids of a node that repeats the key", "[spool]") {
  TempFolder dir;
  write_file(dir / "repeated.pdf",
             classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                          {2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Kids [4 0 R] /Count 1 /MediaBox [0 0 200 100] >>"},
                          {3, "<< /Type /Page /Parent 2 0 R >>"},
                          {4, "<< /Type /Page /Parent 2 0 R >>"}}));
  SourcePdf spool(dir / "repeated.pdf", "repeated.pdf");
  CHECK(spool.page_count() == 1);
}

TEST_CASE("spool file takes the newest object of an incremental update", "[spool]") {
  TempFolder dir;
  auto objects = one_page_objects();
  write_file(dir / "updated.pdf",
             with_update(classic_pdf(objects), {{3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] >>"}}));
  SourcePdf spool(dir / "updated.pdf", "updated.pdf");
  REQUIRE(spool.page_count() == 1);
  check_box(spool.geometry(0), 0, 0, 300, 400, 0);
}

TEST_CASE("spool file reads a hybrid file whose XRefStm holds compressed objects", "[spool]") {
  // Object 4 (the page's resources) lives in object stream 5; the classic
  // table marks it free and the cross-reference stream 6 says where it is.
  const std::string members = "<< /KuvertHybrid true >>";
  const std::string objstm_data = "4 0 " + members;
  const std::string xref_rows = std::string("\x02\x00\x05\x00", 4);
  std::map<std::uint32_t, std::string> objects = {
      {1, "<< /Type /Catalog /Pages 2 0 R >>"},
      {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 200 100] >>"},
      {3, "<< /Type /Page /Parent 2 0 R /Resources 4 0 R >>"},
      {5, "<< /Type /ObjStm /N 1 /First 4 /Length " + std::to_string(objstm_data.size()) + " >>\nstream\n" +
              objstm_data + "\nendstream"},
      {6, "<< /Type /XRef /Size 7 /W [1 2 1] /Index [4 1] /Length 4 >>\nstream\n" + xref_rows + "\nendstream"}};
  const std::string draft = classic_pdf(objects);
  const auto xref_stream = draft.find("\n6 0 obj") + 1;
  TempFolder dir;
  write_file(dir / "hybrid.pdf", classic_pdf(objects, "/XRefStm " + std::to_string(xref_stream)));

  SourcePdf spool(dir / "hybrid.pdf", "hybrid.pdf");
  ObjectNumbering numbering;
  const CopiedPage copy = spool.copy_page(0, 0, numbering);
  CHECK(copy.entries.find("/Resources 4 0 R") != std::string::npos);
  REQUIRE(copy.objects.size() == 1);
  CHECK(copy.objects[0].body == "<</KuvertHybrid true>>");
}

TEST_CASE("spool file reports unusable files with exact messages", "[spool]") {
  TempFolder dir;
  test::make_sample_pdf(dir / "sample.pdf");
  const std::string sample = read_file(dir / "sample.pdf");

  SECTION("a missing file") {
    const Diagnostic problem = open_error(dir / "missing.pdf");
    CHECK(problem.where.file == "letters.pdf");
    CHECK(problem.message == "file not found");
  }
  SECTION("a text file named .pdf") {
    write_file(dir / "text.pdf", "Dear customer,\nthis is not a PDF.\n");
    CHECK(open_error(dir / "text.pdf").message == "is not a PDF file");
  }
  SECTION("an empty file") {
    write_file(dir / "empty.pdf", "");
    CHECK(open_error(dir / "empty.pdf").message == "is not a PDF file");
  }
  SECTION("a truncated file") {
    write_file(dir / "truncated.pdf", sample.substr(0, sample.size() / 2));
    CHECK(open_error(dir / "truncated.pdf").message == "is truncated (no end-of-file marker)");
  }
  SECTION("an incremental update cut short") {
    const std::string padding(2000, 'x');
    const std::string updated =
        with_update(classic_pdf(one_page_objects()), {{3, "<< /Type /Page /Parent 2 0 R /Note (" + padding + ") >>"}});
    write_file(dir / "cut.pdf", updated.substr(0, updated.rfind("xref\n0 1")));
    CHECK(open_error(dir / "cut.pdf").message == "is truncated (no end-of-file marker)");
  }
  SECTION("an encrypted file") {
    REQUIRE(test::run_process({"qpdf", "--encrypt", "user", "owner", "256", "--", (dir / "sample.pdf").string(),
                               (dir / "encrypted.pdf").string()})
                .exit_code == 0);
    CHECK(open_error(dir / "encrypted.pdf").message == "is encrypted; print files must not be");
  }
  SECTION("a startxref that points nowhere") {
    std::string damaged = sample;
    const auto number = damaged.rfind("startxref") + 10;
    damaged.replace(number, damaged.find('\n', number) - number, "20");
    write_file(dir / "damaged.pdf", damaged);
    CHECK(open_error(dir / "damaged.pdf").message == "has a damaged cross-reference table");
  }
  SECTION("a garbled xref table") {
    std::string damaged = sample;
    const auto table = damaged.rfind("xref\n0 ");
    damaged.replace(table + 5, 1, "x");
    write_file(dir / "garbled.pdf", damaged);
    CHECK(open_error(dir / "garbled.pdf").message == "has a damaged cross-reference table");
  }
  SECTION("an xref entry that leads to the wrong object") {
    auto objects = one_page_objects();
    std::string pdf = classic_pdf(objects);
    const auto entry_of_3 = pdf.rfind(" 00000 n ") - 10;  // the last entry is object 3
    const auto offset_of_2 = pdf.find("\n2 0 obj") + 1;
    char digits[16];
    std::snprintf(digits, sizeof digits, "%010zu", offset_of_2);
    pdf.replace(entry_of_3, 10, digits);
    write_file(dir / "misplaced.pdf", pdf);
    CHECK(open_error(dir / "misplaced.pdf").message == "has a damaged cross-reference table");
  }
  SECTION("a file without pages") {
    write_file(dir / "empty-tree.pdf",
               classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"}, {2, "<< /Type /Pages /Kids [] /Count 0 >>"}}));
    CHECK(open_error(dir / "empty-tree.pdf").message == "has no pages");
  }
  SECTION("a catalog without a page tree") {
    write_file(dir / "no-tree.pdf", classic_pdf({{1, "<< /Type /Catalog >>"}}));
    CHECK(open_error(dir / "no-tree.pdf").message == "has no pages");
  }
  SECTION("a page tree with a cycle") {
    write_file(dir / "cycle.pdf", classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                                               {2, "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"},
                                               {3, "<< /Type /Page /Parent 2 0 R >>"},
                                               {4, "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"}}));
    CHECK(open_error(dir / "cycle.pdf").message == "has a damaged page tree");
  }
  SECTION("a page tree with a kid that is no reference") {
    write_file(dir / "bad-kid.pdf", classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                                                 {2, "<< /Type /Pages /Kids [3 0 R 42] /Count 2 >>"},
                                                 {3, "<< /Type /Page /Parent 2 0 R >>"}}));
    CHECK(open_error(dir / "bad-kid.pdf").message == "has a damaged page tree");
  }
  SECTION("a page tree with a kid of the wrong generation") {
    write_file(dir / "generation.pdf", classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                                                    {2, "<< /Type /Pages /Kids [3 0 R 4 1 R] /Count 2 >>"},
                                                    {3, "<< /Type /Page /Parent 2 0 R >>"},
                                                    {4, "<< /Type /Page /Parent 2 0 R >>"}}));
    CHECK(open_error(dir / "generation.pdf").message == "has a damaged page tree");
  }
  SECTION("a folder") {
    std::filesystem::create_directory(dir / "folder.pdf");
    CHECK(open_error(dir / "folder.pdf").message == "is not a PDF file");
  }
}

TEST_CASE("spool file refuses hostile files within its limits", "[spool]") {
  TempFolder dir;

  SECTION("a page dictionary nested 20,000 deep") {
    std::string nested;
    for (int i = 0; i < 20000; ++i) nested += "<</A ";
    for (int i = 0; i < 20000; ++i) nested += ">>";
    auto objects = one_page_objects();
    objects[3] = "<< /Type /Page /Parent 2 0 R /Deep " + nested + " >>";
    const std::string pdf = classic_pdf(objects);
    write_file(dir / "deep.pdf", pdf);
    const auto offset = pdf.find("3 0 obj");
    CHECK(open_error(dir / "deep.pdf").message ==
          "has arrays or dictionaries nested more than 100 deep "
          "(object at byte " +
              std::to_string(offset) + ")");
  }
  SECTION("a page dictionary nested 100 deep is read") {
    std::string nested;
    for (int i = 0; i < 98; ++i) nested += "[";
    for (int i = 0; i < 98; ++i) nested += "]";
    auto objects = one_page_objects();
    objects[3] = "<< /Type /Page /Parent 2 0 R /Deep " + nested + " >>";
    write_file(dir / "deep-enough.pdf", classic_pdf(objects));
    CHECK(SourcePdf(dir / "deep-enough.pdf", "letters.pdf").page_count() == 1);
  }
  SECTION("a cross-reference stream that decodes to 8 MiB from 8 kB") {
    const std::string zeros(8u << 20, '\0');
    std::string packed(compressBound(zeros.size()), '\0');
    uLongf packed_size = packed.size();
    REQUIRE(compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                      reinterpret_cast<const Bytef*>(zeros.data()), zeros.size(), 9) == Z_OK);
    packed.resize(packed_size);
    std::string pdf = classic_pdf(one_page_objects());
    pdf.erase(pdf.find("xref\n0 "));
    const std::size_t xref = pdf.size();
    pdf += "4 0 obj\n<< /Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length " +
           std::to_string(packed.size()) + " >>\nstream\n" + packed + "\nendstream\nendobj\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    write_file(dir / "bomb.pdf", pdf);
    CHECK(open_error(dir / "bomb.pdf").message ==
          "has a stream (object 4) that decodes to more than " + std::to_string(packed.size() * 200) +
              " bytes (the limit: 200 times its stored size, at least 1 MiB, at most 64 MiB)");
  }
  SECTION("a content stream whose /Length lies and that has no endstream") {
    auto objects = one_page_objects();
    objects[3] = "<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>";
    objects[4] = "<< /Length 5 >>\nstream\nBT /F1 12 Tf (page one) Tj ET";
    objects[5] = "<< /Length 30 >>\nstream\nBT /F1 12 Tf (page two) Tj ET\nendstream";
    write_file(dir / "lying.pdf", classic_pdf(objects));
    SourcePdf spool(dir / "lying.pdf", "letters.pdf");
    ObjectNumbering numbering;
    try {
      spool.copy_page(0, 0, numbering);
      FAIL("the page was copied");
    } catch (const Error& error) {
      CHECK(error.problems().front().message ==
            "has a stream (object 4) without an end: its /Length does not lead to \"endstream\" and none "
            "follows before \"endobj\"");
    }
  }
}

}  // namespace
}  // namespace kuvert

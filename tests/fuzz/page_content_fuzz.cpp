// A page's content stream, any bytes, interpreted for ink in the clear zone
// and for its words (pipeline/pdf/content_interpreter, page_ink,
// page_words: the flat content lexer, text with fonts of known and unknown
// widths and encodings, a ToUnicode map, paths, clips, images, a form that
// draws itself).
// The bytes go into a fixed one-page PDF, so the fuzzer explores the
// content and not the file structure (pdf_reader does that).
#include <podofo/base/PdfError.h>

#include <cstdio>
#include <map>
#include <string>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/source_pdf.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

std::string one_page_pdf(const std::string& content) {
  const std::string form = "q 1 0 0 1 10 10 cm /Fm1 Do Q BT /F1 9 Tf (x) Tj ET";
  const std::map<int, std::string> objects = {
      {1, "<< /Type /Catalog /Pages 2 0 R >>"},
      {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
      {3,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R /Resources << /Font << /F1 5 0 "
       "R /F2 6 0 R /F3 9 0 R /F4 11 0 R >> /XObject << /Im1 7 0 R /Fm1 8 0 R >> >> >>"},
      {4, "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"},
      {5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
      {6, "<< /Type /Font /Subtype /Type1 /BaseFont /X /FirstChar 32 /Widths [250 500 -3 1e9] >>"},
      {7,
       "<< /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n"
       "\x00\nendstream"},
      {8, "<< /Subtype /Form /BBox [0 0 300 50] /Matrix [1 0 0 1 5 5] /Length " + std::to_string(form.size()) +
              " >>\nstream\n" + form + "\nendstream"},
      {9,
       "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [<< /DW 700 /W [1 [500 600] 10 20 "
       "900 4294967295 [1]] >>] /ToUnicode 10 0 R >>"},
      {10,
       "<< /Length 76 >>\nstream\n2 beginbfrange <0000> <00FF> <0041> <0100> <0101> [<00DF> <D834>] endbfrange"
       "\nendstream"},
      {11,
       "<< /Type /Font /Subtype /Type1 /BaseFont /Y /Encoding << /BaseEncoding /MacRomanEncoding /Differences "
       "[32 /space /adieresis /g7 /uni20AC 250 /fi] >> >>"},
  };
  std::string pdf = "%PDF-1.7\n";
  std::map<int, std::size_t> offsets;
  for (const auto& [number, body] : objects) {
    offsets[number] = pdf.size();
    pdf += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 12\n0000000000 65535 f \n";
  for (int number = 1; number < 12; ++number) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offsets[number]);
    pdf += line;
  }
  return pdf + "trailer\n<< /Size 12 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  PoDoFo::PdfError::EnableDebug(false);
  PoDoFo::PdfError::EnableLogging(false);
  const std::string pdf = one_page_pdf(std::string(reinterpret_cast<const char*>(data), size));
  const auto path = kuvert::fuzz::input_file(reinterpret_cast<const std::uint8_t*>(pdf.data()), pdf.size(), "page.pdf");
  try {
    kuvert::SourcePdf spool(path, "page.pdf");
    spool.ink_in(0, {kuvert::RectMm{190, 80, 16, 74}, kuvert::RectMm{0, 0, 210, 297}});
    const auto words = spool.words(0, 1000);
    if (words.words.size() > 1001) __builtin_trap();
  } catch (const kuvert::Error&) {
  }
  return 0;
}

#pragma once
// Test support: a print file as a specialist application without an index
// writes it, with lines of text at given places (mm from the page's
// top-left corner, the baseline 3 mm below), in base-14 Helvetica (made
// with PoDoFo). For the split's tests on real files: each rule alone, and
// pages no generator of ours would make. Header-only so that it stays out
// of the libraries.
#include <podofo/podofo.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::test {

struct TextLine {
  double x = 0;  // mm
  double y = 0;  // mm, the line's top
  std::string text;
  double size = 10;  // points
};

using TextPage = std::vector<TextLine>;

inline void write_text_pdf(const std::filesystem::path& path, const std::vector<TextPage>& pages) {
  using namespace PoDoFo;
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
  constexpr double kPointsPerMm = 72.0 / 25.4;
  PdfMemDocument document;
  PdfFont* font = document.CreateFont("Helvetica", false, PdfEncodingFactory::GlobalWinAnsiEncodingInstance());
  for (const auto& lines : pages) {
    PdfPage* page = document.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    painter.SetFont(font);
    for (const auto& line : lines) {
      font->SetFontSize(static_cast<float>(line.size));
      painter.SetFont(font);
      painter.DrawText(line.x * kPointsPerMm, (297.0 - line.y - 3.0) * kPointsPerMm,
                       PdfString(reinterpret_cast<const pdf_utf8*>(line.text.c_str())));
    }
    painter.FinishPage();
  }
  document.Write(path.c_str());
}

}  // namespace kuvert::test

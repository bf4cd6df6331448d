#pragma once
// Test support for the spool reader tests: real PDF files in a temporary
// folder, made with PoDoFo, converted with qpdf, or written by hand where a
// test needs a particular structure (incremental updates, hybrid xref).
// Header-only so that it stays out of the kuvert_pdf library.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <podofo/podofo.h>

#include "pipeline/pdf/pdf_object.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert::test {

// The text each page of the sample file shows.
inline std::string sample_text(int page) { return "Sample page " + std::to_string(page + 1) + " text"; }

// Six A4 pages, each with its own text in base-14 Helvetica (one shared font
// object), rearranged into nested /Pages nodes:
//   root: [p0, A, p5]   A (MediaBox A5, Rotate 90): [p1, B, p4]
//   B (Resources, CropBox 10 10 400 580): [p2, p3]   p3: own Rotate 180
inline void make_sample_pdf(const std::filesystem::path& path) {
  using namespace PoDoFo;
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
  PdfMemDocument doc;
  PdfFont* font = doc.CreateFont("Helvetica");
  font->SetFontSize(18);
  std::vector<PdfObject*> pages;
  for (int i = 0; i < 6; ++i) {
    PdfPage* page = doc.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    painter.SetFont(font);
    painter.DrawText(56, 300, PdfString(sample_text(i)));
    painter.FinishPage();
    pages.push_back(page->GetObject());
  }

  PdfObject* root = doc.GetPagesTree()->GetObject();
  auto node = [&](PdfObject* parent) {
    PdfObject* object = doc.GetObjects().CreateObject("Pages");
    object->GetDictionary().AddKey("Parent", parent->Reference());
    return object;
  };
  auto kids = [](PdfObject* parent, std::vector<PdfObject*> children, int count) {
    PdfArray array;
    for (PdfObject* child : children) {
      array.push_back(child->Reference());
      child->GetDictionary().AddKey("Parent", parent->Reference());
    }
    parent->GetDictionary().AddKey("Kids", array);
    parent->GetDictionary().AddKey("Count", static_cast<pdf_int64>(count));
  };
  PdfObject* a = node(root);
  PdfObject* b = node(a);
  kids(b, {pages[2], pages[3]}, 2);
  kids(a, {pages[1], b, pages[4]}, 4);
  kids(root, {pages[0], a, pages[5]}, 6);

  auto box = [](double llx, double lly, double urx, double ury) {
    PdfVariant variant;
    PdfRect(llx, lly, urx - llx, ury - lly).ToVariant(variant);
    return variant;
  };
  a->GetDictionary().AddKey("MediaBox", box(0, 0, 420, 595));
  a->GetDictionary().AddKey("Rotate", static_cast<pdf_int64>(90));
  b->GetDictionary().AddKey("CropBox", box(10, 10, 390, 570));
  b->GetDictionary().AddKey("Resources", *pages[2]->GetDictionary().GetKey("Resources"));
  for (int i : {1, 2, 3, 4}) pages[i]->GetDictionary().RemoveKey("MediaBox");
  for (int i : {2, 3}) pages[i]->GetDictionary().RemoveKey("Resources");
  pages[3]->GetDictionary().AddKey("Rotate", static_cast<pdf_int64>(180));
  // An entry a copy must keep as it is.
  pages[0]->GetDictionary().AddKey("KuvertNote", PdfString("a (b) \\ c"));
  doc.Write(path.c_str());
}

// A stream object's body holding `data` as it is.
inline std::string pdf_stream(const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + " >>\nstream\n" + data + "\nendstream";
}

// A PDF assembled from object bodies: a classic xref table, a trailer with
// /Root 1 0 R, /Size and `trailer_extra`. Objects are numbered by the map.
inline std::string classic_pdf(const std::map<std::uint32_t, std::string>& objects,
                               const std::string& trailer_extra = "") {
  std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
  std::map<std::uint32_t, std::size_t> offsets;
  for (const auto& [number, body] : objects) {
    offsets[number] = pdf.size();
    pdf += std::to_string(number) + " 0 obj\n" + body + "\nendobj\n";
  }
  const std::uint32_t size = objects.empty() ? 1 : objects.rbegin()->first + 1;
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(size) + "\n";
  for (std::uint32_t number = 0; number < size; ++number) {
    char line[32];
    if (offsets.count(number)) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", offsets[number]);
    } else {
      std::snprintf(line, sizeof line, "0000000000 %05d f \n", number == 0 ? 65535 : 0);
    }
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(size) + " /Root 1 0 R " + trailer_extra +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

// An output file made from copied pages, as the deliver stage will write it.
inline std::string output_pdf(const std::vector<CopiedPage>& copies, ObjectNumbering& numbering) {
  std::map<std::uint32_t, std::string> objects;
  std::string kids;
  for (const CopiedPage& copy : copies) {
    for (const PdfObjectBytes& object : copy.objects) objects[object.number] = object.body;
    std::string contents;
    for (const auto number : copy.contents) contents += std::to_string(number) + " 0 R ";
    const std::uint32_t page = numbering.allocate();
    objects[page] = "<< /Type /Page /Parent 2 0 R /Contents [" + contents + "] " + copy.entries + " >>";
    kids += std::to_string(page) + " 0 R ";
  }
  objects[kCatalogObject] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[kPagesObject] =
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(copies.size()) + " >>";
  return classic_pdf(objects);
}

}  // namespace kuvert::test

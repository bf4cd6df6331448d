#pragma once
// The objects of a searchable PDF/A-2b archive file for a scanned
// document: each page the cleaned scan as an image (bitonal pages CCITT G4,
// lossless; grey pages JPEG) with the recognised words under it as
// invisible text, placed and scaled word by word so that search and
// selection match the image; a glyphless embedded font (Tesseract's
// pdf.ttf) whose ToUnicode map gives the text back; the sRGB output intent
// and the XMP metadata PDF/A asks for. A PDF file writer (pipeline/pdf/pdf_file_writer)
// writes them; the catalog then names `catalog_entries()`.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/pdf/pdf_object.hpp"
#include "stages/scan/archive_page.hpp"
#include "stages/scan/ocr_engine.hpp"
#include "stages/scan/pix.hpp"

namespace kuvert::scan {

// `image` is 8-bit grey or 32-bit colour; `bitonal` pages are encoded CCITT
// G4, others JPEG at `jpeg_quality`.
ArchivePage encode_archive_page(Pix* image, int dpi, const OcrPage& text, bool bitonal, int jpeg_quality);

struct ArchiveInfo {
  std::string title;
  std::string created;   // ISO 8601 UTC, "2026-11-22T12:00:00Z"; also the /Info date
  std::string keywords;  // the index fields, as /Info has them; "" for none
};

class ArchiveObjects {
 public:
  // Reserves the file-wide objects in `numbering`; reads the font and ICC
  // profile (Tesseract's pdf.ttf, icc-profiles-free's sRGB.icc). Throws
  // kuvert::Error (system) when they are not installed.
  explicit ArchiveObjects(ObjectNumbering& numbering);

  // The font, output intent and metadata objects, once per file.
  std::vector<PdfObjectBytes> shared(const ArchiveInfo& info) const;
  // What the catalog must name.
  std::string catalog_entries() const;

  // One page: its image, content stream and page dictionary. Sets `page`
  // to the page dictionary's number.
  std::vector<PdfObjectBytes> page(ArchivePage&& encoded, ObjectNumbering& numbering, std::uint32_t& page) const;

 private:
  std::uint32_t font_, cid_font_, descriptor_, program_, cid_map_, to_unicode_;
  std::uint32_t intent_, icc_, metadata_;
};

}  // namespace kuvert::scan

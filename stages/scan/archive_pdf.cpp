#include "stages/scan/archive_pdf.hpp"

#include <cstdio>
#include <fstream>
#include <memory>

#include "pipeline/model/error.hpp"
#include "pipeline/model/utf8.hpp"
#include "stages/scan/g4_encoder.hpp"

namespace kuvert::scan {
namespace {

// Tesseract's glyphless font: one empty glyph, so every character is
// invisible and takes the space the text matrix gives it.
constexpr const char* kGlyphlessFont = "/usr/share/tesseract-ocr/5/tessdata/pdf.ttf";
constexpr const char* kSrgbProfile = "/usr/share/color/icc/sRGB.icc";

std::string read_bytes(const char* path, const char* package) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Where where;
    where.file = path;
    throw_system(where, std::string("is missing (install ") + package + ")");
  }
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// CIDs are UTF-16 code units; each stands for itself.
std::string identity_to_unicode() {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  char line[40];
  for (int block = 0; block < 256; block += 100) {
    const int count = std::min(100, 256 - block);
    cmap += std::to_string(count) + " beginbfrange\n";
    for (int high = block; high < block + count; ++high) {
      std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
      cmap += line;
    }
    cmap += "endbfrange\n";
  }
  return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

std::string xml_text(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// Says what /Info says (PDF/A asks both to agree).
std::string xmp(const ArchiveInfo& info) {
  const std::string keywords =
      info.keywords.empty() ? "" : "<pdf:Keywords>" + xml_text(info.keywords) + "</pdf:Keywords>\n";
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
         "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
         "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
         "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         xml_text(info.title) +
         "</rdf:li></rdf:Alt></dc:title>\n"
         "<xmp:CreateDate>" +
         info.created +
         "</xmp:CreateDate>\n"
         "<pdf:Producer>kuvert</pdf:Producer>\n" +
         keywords + "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

// JPEG data of a grey or colour page, written in memory: Leptonica's PDF
// helpers (pixGenerateCIData) go through a file in /tmp of their own.
std::string jpeg_data(Pix* page, int quality) {
  l_uint8* bytes = nullptr;
  std::size_t size = 0;
  if (pixWriteMemJpeg(&bytes, &size, page, quality, 0) != 0 || bytes == nullptr)
    throw Error(ErrorKind::internal, Where{}, "Leptonica could not encode a page image as JPEG");
  std::string data(reinterpret_cast<const char*>(bytes), size);
  lept_free(bytes);
  return data;
}

// The streams every archive file embeds alike, read and compressed once a
// process (the writer opens a file per document). A missing file throws
// from here, and is looked for again at the next call.
struct FixedStreams {
  std::string font_program, cid_map, to_unicode, icc_profile;
};

const FixedStreams& fixed_streams() {
  static const FixedStreams streams = [] {
    const std::string font = read_bytes(kGlyphlessFont, "libtesseract5");
    // Every CID maps to the one empty glyph.
    std::string to_glyph_one;
    to_glyph_one.reserve(2 * 65536);
    for (int cid = 0; cid < 65536; ++cid) to_glyph_one += std::string("\x00\x01", 2);
    return FixedStreams{flate_stream("/Length1 " + std::to_string(font.size()), font), flate_stream("", to_glyph_one),
                        flate_stream("", identity_to_unicode()),
                        flate_stream("/N 3", read_bytes(kSrgbProfile, "icc-profiles-free"))};
  }();
  return streams;
}

}  // namespace

ArchiveObjects::ArchiveObjects(ObjectNumbering& numbering)
    : font_(numbering.allocate()),
      cid_font_(numbering.allocate()),
      descriptor_(numbering.allocate()),
      program_(numbering.allocate()),
      cid_map_(numbering.allocate()),
      to_unicode_(numbering.allocate()),
      intent_(numbering.allocate()),
      icc_(numbering.allocate()),
      metadata_(numbering.allocate()) {
  fixed_streams();  // a missing font or profile is reported now, not with the first document
}

std::string ArchiveObjects::catalog_entries() const {
  return "/Metadata " + pdf_reference(metadata_) + " /OutputIntents [" + pdf_reference(intent_) + "]";
}

std::vector<PdfObjectBytes> ArchiveObjects::shared(const ArchiveInfo& info) const {
  const FixedStreams& fixed = fixed_streams();
  return {
      {font_, "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H /DescendantFonts [" +
                  pdf_reference(cid_font_) + "] /ToUnicode " + pdf_reference(to_unicode_) + " >>"},
      {cid_font_,
       "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont "
       "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " +
           pdf_reference(descriptor_) + " /CIDToGIDMap " + pdf_reference(cid_map_) + " /DW 500 >>"},
      {descriptor_,
       "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] "
       "/ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 /FontFile2 " +
           pdf_reference(program_) + " >>"},
      {program_, fixed.font_program},
      {cid_map_, fixed.cid_map},
      {to_unicode_, fixed.to_unicode},
      {intent_,
       "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) /Info (sRGB) "
       "/DestOutputProfile " +
           pdf_reference(icc_) + " >>"},
      {icc_, fixed.icc_profile},
      {metadata_, pdf_stream("/Type /Metadata /Subtype /XML", xmp(info))},
  };
}

ArchivePage encode_archive_page(Pix* image, int dpi, const OcrPage& text, bool bitonal, int jpeg_quality) {
  const int w = pixGetWidth(image), h = pixGetHeight(image);
  std::string entries = "/Type /XObject /Subtype /Image /Width " + std::to_string(w) + " /Height " + std::to_string(h);
  ArchivePage page;
  if (bitonal) {
    const PixPtr black_and_white(pixConvertTo1(image, 128));
    entries += " /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns " +
               std::to_string(w) + " /Rows " + std::to_string(h) + " >>";
    page.image = pdf_stream(entries, g4_data(black_and_white.get()));
  } else {
    // 32-bit pages are colour (scan_input.hpp), the rest 8-bit grey.
    entries += std::string(" /ColorSpace ") + (pixGetDepth(image) == 32 ? "/DeviceRGB" : "/DeviceGray") +
               " /BitsPerComponent 8 /Filter /DCTDecode";
    page.image = pdf_stream(entries, jpeg_data(image, jpeg_quality));
  }

  const double scale = 72.0 / dpi;  // points per pixel
  page.width = w * scale;
  page.height = h * scale;
  std::string ops = "q " + pdf_number(page.width) + " 0 0 " + pdf_number(page.height) + " 0 0 cm /Scan Do Q\n";
  // The words, invisible (render mode 3), each stretched over its box.
  ops += "BT 3 Tr\n";
  for (const auto& word : text.words) {
    const std::string hex = utf16_hex(word.text);
    const double characters = static_cast<double>(hex.size()) / 4;
    if (characters == 0 || word.right <= word.left || word.bottom <= word.top) continue;
    const double size = (word.bottom - word.top) * scale;
    const double stretch = (word.right - word.left) * scale / (characters * 0.5 * size) * 100;
    ops += "/Ocr " + pdf_number(size) + " Tf " + pdf_number(stretch) + " Tz 1 0 0 1 " + pdf_number(word.left * scale) +
           " " + pdf_number(page.height - word.bottom * scale) + " Tm <" + hex + "> Tj\n";
  }
  ops += "ET\n";
  page.contents = flate_stream("", ops);
  return page;
}

std::vector<PdfObjectBytes> ArchiveObjects::page(ArchivePage&& encoded, ObjectNumbering& numbering,
                                                 std::uint32_t& page) const {
  const std::uint32_t image_object = numbering.allocate(), contents = numbering.allocate();
  page = numbering.allocate();
  std::vector<PdfObjectBytes> objects;
  objects.push_back({image_object, std::move(encoded.image)});
  objects.push_back({contents, std::move(encoded.contents)});
  objects.push_back({page, pdf_page(encoded.width, encoded.height,
                                    "<< /XObject << /Scan " + pdf_reference(image_object) + " >> /Font << /Ocr " +
                                        pdf_reference(font_) + " >> >>",
                                    contents)});
  return objects;
}

}  // namespace kuvert::scan

#include "pipeline/driver/composed_pdf.hpp"

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"
#include "pipeline/pdf/pdf_object.hpp"
#include "stages/compose/embedded_font.hpp"

namespace kuvert {

using namespace kuvert::compose;

void write_composed_pdf(const std::filesystem::path& path, const FontSet& fonts, const std::vector<std::string>& pages,
                        const GlyphUsage& usage, const LogoImage* logo) {
  ObjectNumbering numbering;
  PdfFileWriter writer(path, PdfFileInfo{"composed", "D:20261122120000Z"});
  std::vector<std::uint32_t> font_numbers(fonts.size(), 0);
  std::vector<FontObjects> font_objects(fonts.size());
  for (FontIndex font = 0; font < fonts.size(); ++font) {
    if (usage.glyphs(font).empty()) continue;
    font_objects[font] = {numbering.allocate(), numbering.allocate(), numbering.allocate(), numbering.allocate(),
                          numbering.allocate()};
    font_numbers[font] = font_objects[font].font;
  }
  std::string images;
  if (logo != nullptr) {
    const std::uint32_t image = numbering.allocate();
    for (const auto& object : logo_objects(*logo, image, numbering.allocate())) writer.write(object);
    images = " /XObject << /Logo " + pdf_reference(image) + " >>";
  }
  const std::string resources = "<< /Font << " + font_resources(font_numbers) + " >>" + images + " >>";
  for (const auto& operators : pages) {
    const std::uint32_t stream = numbering.allocate();
    writer.write({stream, flate_stream("", operators)});
    const std::uint32_t page = numbering.allocate();
    writer.write({page, pdf_page(kA4WidthPt, kA4HeightPt, resources, stream)});
    writer.add_page(page);
  }
  for (FontIndex font = 0; font < fonts.size(); ++font)
    if (!usage.glyphs(font).empty())
      for (const auto& object : embed_font(fonts.face(font), usage.glyphs(font), font_objects[font]))
        writer.write(object);
  const std::uint32_t info = numbering.allocate();
  writer.finish(info, numbering.next());
}

}  // namespace kuvert

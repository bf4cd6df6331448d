#include "pipeline/driver/printer_file.hpp"

#include <algorithm>

#include "pipeline/driver/composed_pdf.hpp"
#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"
#include "pipeline/pdf/source_pdf.hpp"
#include "stages/compose/embedded_font.hpp"
#include "stages/impose/sheet_imposer.hpp"

namespace kuvert {

namespace fs = std::filesystem;
using namespace kuvert::compose;

namespace {

// The printer's file being written: the fonts of its own pages, embedded
// once at the end, and each sheet as it comes.
class PrinterFileWriter {
 public:
  PrinterFileWriter(const fs::path& target, const RunTicket& ticket, const FontCatalog& catalog, const RunLabel& label)
      : writer_(target, PdfFileInfo{label.number + " " + ticket.job, pdf_date(ticket.created)}),
        fonts_(catalog),
        sides_(ticket.production.sides == "simplex" ? Sides::simplex : Sides::duplex) {
    for (FontIndex font = 0; font < fonts_.set.size(); ++font)
      font_objects_.push_back({numbering_.allocate(), numbering_.allocate(), numbering_.allocate(),
                               numbering_.allocate(), numbering_.allocate()});
  }

  TextFonts& fonts() { return fonts_; }

  // A sheet of kuvert's own: `page` on its front, imposed with `profile`'s
  // marks for `context` (none without a profile), its back blank.
  void add_sheet(const TextPage& page, const InserterProfile* profile, const SheetContext& context) {
    CopiedPage front;
    const std::uint32_t stream = numbering_.allocate();
    front.objects.push_back({stream, flate_stream("", page.operators())});
    front.contents.push_back(stream);
    front.entries = "/MediaBox [0 0 " + pdf_number(kA4WidthPt) + " " + pdf_number(kA4HeightPt) + "] /Resources " +
                    pdf_reference(resources_);
    front.urx = kA4WidthPt;
    front.ury = kA4HeightPt;
    const SheetNumbers numbers = allocate_sheet_numbers(numbering_, sides_);
    for (const auto& object : impose_sheet(profile, context, sides_, std::move(front), std::nullopt, numbers).objects)
      writer_.write(object);
    writer_.add_page(numbers.front.page);
    if (sides_ == Sides::duplex) writer_.add_page(numbers.back.page);
  }

  // The run file's page, unchanged: its content streams (its marks
  // among them) and entries as they are.
  void copy_page(SourcePdf& source, std::uint32_t page_index) {
    CopiedPage page = source.copy_page(page_index, 0, numbering_);
    for (const auto& object : page.objects) writer_.write(object);
    std::string contents;
    for (const auto number : page.contents) {
      if (!contents.empty()) contents += ' ';
      contents += pdf_reference(number);
    }
    const std::uint32_t number = numbering_.allocate();
    writer_.write({number, "<< /Type /Page /Parent " + pdf_reference(kPagesObject) + " /Contents [" + contents + "] " +
                               page.entries + " >>"});
    writer_.add_page(number);
  }

  // The fonts the pages showed (a fallback font may have shown nothing)
  // and the resources that name them.
  void finish() {
    std::vector<std::uint32_t> named;
    for (FontIndex font = 0; font < fonts_.set.size(); ++font) {
      const bool shown = !fonts_.usage.glyphs(font).empty();
      named.push_back(shown ? font_objects_[font].font : 0);
      if (shown)
        for (const auto& object : embed_font(fonts_.set.face(font), fonts_.usage.glyphs(font), font_objects_[font]))
          writer_.write(object);
    }
    writer_.write({resources_, "<< /Font << " + font_resources(named) + " >> >>"});
    const std::uint32_t info = numbering_.allocate();
    writer_.finish(info, numbering_.next());
  }

 private:
  ObjectNumbering numbering_;
  PdfFileWriter writer_;
  TextFonts fonts_;
  Sides sides_;
  std::vector<FontObjects> font_objects_;
  // Written last, when the fonts shown are known; pages refer to it.
  std::uint32_t resources_ = numbering_.allocate();
};

// What the marks keep white on a sheet's front: the clear zone, and on a
// duplex sheet whose code is on the back, the zone behind it too.
std::vector<RectMm> zones_on_front(const InserterProfile* profile, const RunTicket& ticket) {
  if (!profile) return {};
  std::vector<RectMm> zones = {profile->clear_zone};
  if (profile->side == SheetSide::back && ticket.production.sides != "simplex") {
    RectMm behind = profile->clear_zone;
    behind.x = kA4WidthMm - behind.x - behind.width;
    zones.push_back(behind);
  }
  return zones;
}

SheetContext sheet_of_no_piece(const RunTicket& ticket) {
  SheetContext context;
  context.run_id = ticket.run;
  context.job_key = ticket.job_key;
  context.run_sheets = static_cast<std::uint32_t>(std::max<std::size_t>(ticket.counts.sheets, 1));
  context.divert = true;
  return context;
}

}  // namespace

std::size_t write_printer_file(const fs::path& run_file, const RunTicket& ticket, const InserterProfile* profile,
                               const FontCatalog& fonts, const RunLabel& label, const PrintRoomSheets& sheets,
                               const fs::path& target) {
  const bool manual = ticket.production.manual_handling;
  if (manual) profile = nullptr;  // hand-finished: no marks on any sheet
  SourcePdf source(run_file, ticket.file);
  const std::uint32_t pages_per_sheet = ticket.production.sides == "simplex" ? 1 : 2;
  const auto pages = static_cast<std::size_t>(source.page_count());
  Where where;
  where.file = ticket.file;
  if (pages != ticket.counts.pages || pages != ticket.counts.sheets * pages_per_sheet)
    throw Error(ErrorKind::input, where,
                "has " + std::to_string(pages) + " pages, its ticket " + std::to_string(ticket.counts.pages) + " on " +
                    std::to_string(ticket.counts.sheets) + " sheets");

  // Where a piece of a run finished by hand begins: its first sheet.
  std::vector<std::size_t> piece_starts;
  if (sheets.separators && manual) {
    std::size_t sheet = 0;
    for (const auto& piece : ticket.manual_pieces) {
      piece_starts.push_back(sheet);
      sheet += piece.sheets;
    }
    if (sheet != ticket.counts.sheets)
      throw Error(ErrorKind::input, where,
                  "its ticket's pieces finished by hand have " + std::to_string(sheet) + " sheets, the run " +
                      std::to_string(ticket.counts.sheets));
  }

  PrinterFileWriter writer(target, ticket, fonts, label);
  std::size_t added = 0;
  if (sheets.banner) {
    TextPage page(writer.fonts());
    const bool diverted = profile && (profile->code == CodeKind::datamatrix || has_divert_position(*profile));
    draw_banner(page, ticket, label, zones_on_front(profile, ticket), diverted);
    writer.add_sheet(page, profile, sheet_of_no_piece(ticket));
    ++added;
  }
  std::size_t next_piece = 0;
  for (std::size_t sheet = 0; sheet < ticket.counts.sheets; ++sheet) {
    if (next_piece < piece_starts.size() && piece_starts[next_piece] == sheet) {
      TextPage page(writer.fonts());
      draw_separator(page, ticket, label, next_piece++);
      writer.add_sheet(page, nullptr, sheet_of_no_piece(ticket));
      ++added;
    }
    for (std::uint32_t side = 0; side < pages_per_sheet; ++side)
      writer.copy_page(source, static_cast<std::uint32_t>(sheet * pages_per_sheet + side));
  }
  writer.finish();
  return added;
}

void write_run_ticket_pdf(const RunTicket& ticket, const FontCatalog& catalog, const RunLabel& label,
                          const PrintRoomSheets& sheets, const fs::path& target) {
  TextFonts fonts(catalog);
  const auto pages = ticket_pages(fonts, ticket, label, sheets);
  write_composed_pdf(target, fonts.set, pages, fonts.usage);
}

}  // namespace kuvert

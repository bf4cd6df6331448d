#include "pipeline/driver/proof_file.hpp"

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/din5008.hpp"

namespace kuvert {
namespace {

using compose::FontIndex;

constexpr FontIndex kFont = 0;
constexpr double kLabelSize = 6;

double points(double mm) { return mm * kPointsPerMm; }

// The layer: on for viewing, off for printing (and named so in a viewer's
// layer list), so that one file serves for the screen and for a printed
// proof of the letters alone.
std::string layer_entries(std::uint32_t layer) {
  const std::string ref = pdf_reference(layer);
  return "/OCProperties << /OCGs [" + ref + "] /D << /Name (kuvert proof) /Order [" + ref + "] /ON [" + ref +
         "] /AS [<< /Event /Print /OCGs [" + ref + "] /Category [/Print] >> << /Event /View /OCGs [" + ref +
         "] /Category [/View] >>] >> >>";
}

}  // namespace

ProofFile::ProofFile(const std::filesystem::path& path, const compose::FontSet& fonts, const std::string& title,
                     const std::string& created)
    : fonts_(fonts),
      setter_(fonts),
      layer_(numbering_.allocate()),
      font_{numbering_.allocate(), numbering_.allocate(), numbering_.allocate(), numbering_.allocate(),
            numbering_.allocate()},
      writer_(path, PdfFileInfo{title, pdf_date(created), layer_entries(layer_), ""}) {
  writer_.write({layer_,
                 "<< /Type /OCG /Name (proof zones: address field, window, folds, inserter, printable area)"
                 " /Usage << /View << /ViewState /ON >> /Print << /PrintState /OFF >> >> >>"});
}

std::string ProofFile::font_resource() const { return compose::font_resources(std::vector<std::uint32_t>{font_.font}); }

void ProofFile::write_page(const std::string& content, const std::string& resources) {
  const std::uint32_t stream = numbering_.allocate();
  writer_.write({stream, flate_stream("", content)});
  const std::uint32_t page = numbering_.allocate();
  writer_.write({page, pdf_page(kA4WidthPt, kA4HeightPt, "<< " + resources + " >>", stream)});
  writer_.add_page(page);
  ++pages_;
}

void ProofFile::add_refusal(const std::vector<Diagnostic>& problems) {
  const Where& where = problems.front().where;
  std::string heading = "This record would be refused: ";
  heading += where.record;
  if (!where.document.empty()) heading += " (" + where.document + ")";
  add_problems(heading, "kuvert proof shows no letter for it. What the run would say:", problems);
}

void ProofFile::add_problems(const std::string& heading, const std::string& intro,
                             const std::vector<Diagnostic>& problems) {
  constexpr double kTop = 30, kBottom = 275;  // mm from the top
  compose::PageContent page;
  double y = kTop;
  const auto say = [&](const std::string& text, double size) {
    for (const auto& line : setter_.lines(kFont, text, size, points(din5008::kTextWidth))) {
      if (y > kBottom) {
        write_page(page.operators(), "/Font << " + font_resource() + " >>");
        page = compose::PageContent();
        y = kTop;
      }
      page.text(fonts_, line, points(din5008::kLeftMargin), points(kA4HeightMm - y), size, used_);
      y += size * 0.5;
    }
  };
  say(heading, 12);
  y += 4;
  say(intro, 9);
  y += 3;
  for (const auto& problem : problems) {
    say(describe(problem.where, problem.message), 9);
    y += 2;
  }
  write_page(page.operators(), "/Font << " + font_resource() + " >>");
}

void ProofFile::add_page(SourcePdf& run, std::uint32_t run_index, std::uint32_t page,
                         const std::vector<ProofZone>& zones) {
  const CopiedForm form = run.copy_page_as_form(page, run_index, numbering_);
  for (const auto& object : form.objects) writer_.write(object);
  std::string content = "q /Sheet Do Q\n/OC /Zones BDC\n" + zone_outlines(zones);
  for (const auto& zone : zones) {
    if (zone.label.empty()) continue;
    compose::PageContent label;
    const double baseline = zone.line                       ? zone.box.y - 0.8
                            : zone.kind == ZoneKind::window ? zone.box.y + zone.box.height - 1
                                                            : zone.box.y + 2.6;
    label.text(fonts_, setter_.line(kFont, zone.label), points(zone.box.x + 1), points(kA4HeightMm - baseline),
               kLabelSize, used_);
    content += std::string(zone_colour(zone.kind)) + " rg\n" + label.operators();
  }
  content += "EMC\n";
  write_page(content, "/XObject << /Sheet " + pdf_reference(form.form) + " >> /Properties << /Zones " +
                          pdf_reference(layer_) + " >> /Font << " + font_resource() + " >>");
}

PdfFileResult ProofFile::finish() {
  if (!used_.glyphs(kFont).empty())
    for (const auto& object : compose::embed_font(fonts_.face(kFont), used_.glyphs(kFont), font_))
      writer_.write(object);
  const std::uint32_t info = numbering_.allocate();
  return writer_.finish(info, numbering_.next());
}

}  // namespace kuvert

// The spool is an ordinary PDF: each page a content stream and a page
// dictionary naming the fonts it uses; the fonts themselves are written
// last, once, as subsets of every glyph the job showed (their object numbers
// are reserved first, so pages can refer to them).
#include "pipeline/driver/compose_job.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_pipeline.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <set>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/concat.hpp"
#include "pipeline/model/envelope_window.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"
#include "pipeline/pdf/pdf_object.hpp"
#include "pipeline/pdf/source_pdf.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "stages/compose/embedded_font.hpp"
#include "stages/compose/letter_composer.hpp"
#include "stages/ingest/address_key.hpp"
#include "stages/ingest/file_stamp.hpp"
#include "stages/ingest/record_reader.hpp"
#include "stages/ingest/settings_check.hpp"

namespace kuvert {
namespace {

using namespace compose;

// Records per pipeline item: a letter takes a fraction of a millisecond to
// compose, so single records would spend more on hand-over than on work.
constexpr std::size_t kBatchRecords = 16;

struct Letter {
  RecordEntry record;
  std::vector<std::string> pages;  // deflated content streams
  GlyphUsage glyphs;
  std::vector<Diagnostic> problems;  // why it could not be composed
};

using Batch = std::shared_ptr<std::vector<Letter>>;

// How many lines the file has (at least one record per line, less for
// blank lines and a CSV header): what a job's documents are reserved for,
// so that their arrays never stand in memory twice while they grow.
std::size_t line_count(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> chunk(1 << 16);
  std::size_t lines = 1;
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
    lines += static_cast<std::size_t>(std::count(chunk.data(), chunk.data() + in.gcount(), '\n'));
  return lines;
}

// Appends composed letters to the spool and records their documents.
class SpoolWriter {
 public:
  SpoolWriter(const std::filesystem::path& spool, const FontSet& fonts, const ClientLogo* logo, Job& job)
      : writer_(spool, PdfFileInfo{job.name, "D:20000101000000Z"}), fonts_(fonts), job_(job) {
    for (FontIndex font = 0; font < fonts.size(); ++font)
      fonts_objects_.push_back({numbering_.allocate(), numbering_.allocate(), numbering_.allocate(),
                                numbering_.allocate(), numbering_.allocate()});
    if (logo != nullptr) {
      const auto objects = logo->objects(numbering_);
      for (const auto& object : objects) writer_.write(object);
      images_ = concat(" /XObject << /Logo ", pdf_reference(objects.front().number), " >>");
    }
  }

  void add(Letter& letter, const std::string& client) {
    Document document{.entry_offset = letter.record.offset,
                      .file = 0,
                      .first_page = pages_,
                      .page_count = static_cast<std::uint32_t>(letter.pages.size()),
                      .settings = 0,
                      .domestic = letter.record.recipient.domestic()};
    // Every page names the fonts of the letter; unused ones cost nothing.
    std::vector<std::uint32_t> numbers(fonts_.size(), 0);
    for (FontIndex font = 0; font < fonts_.size(); ++font)
      if (!letter.glyphs.glyphs(font).empty()) numbers[font] = fonts_objects_[font].font;
    const std::string resources = concat("<< /Font << ", font_resources(numbers), " >>", images_, " >>");
    for (auto& packed : letter.pages) {
      const std::uint32_t stream = numbering_.allocate();
      writer_.write({stream, pdf_stream("/Filter /FlateDecode", packed)});
      const std::uint32_t page = numbering_.allocate();
      writer_.write({page, pdf_page(kA4WidthPt, kA4HeightPt, resources, stream)});
      writer_.add_page(page);
      ++pages_;
    }
    used_.merge(letter.glyphs);
    job_.documents.push_back(document);
    job_.recipients.push_back(recipient_key(client, letter.record.recipient));
  }

  void finish() {
    for (FontIndex font = 0; font < fonts_.size(); ++font)
      if (!used_.glyphs(font).empty())
        for (const auto& object : embed_font(fonts_.face(font), used_.glyphs(font), fonts_objects_[font]))
          writer_.write(object);
    const std::uint32_t info = numbering_.allocate();
    writer_.finish(info, numbering_.next());
  }

 private:
  PdfFileWriter writer_;
  const FontSet& fonts_;
  Job& job_;
  ObjectNumbering numbering_;
  std::vector<FontObjects> fonts_objects_;
  GlyphUsage used_;
  std::uint32_t pages_ = 0;
  std::string images_;  // the pages' /XObject resource entry, if there is a logo
};

// A PNG logo becomes an image with a soft mask, a PDF logo's first page a
// form.
ClientLogo client_logo(const std::filesystem::path& path) {
  if (path.extension() == ".png") {
    auto image = std::make_shared<const compose::LogoImage>(compose::read_png(path));
    return {compose::shape_of(*image), [image](ObjectNumbering& numbering) {
              const std::uint32_t xobject = numbering.allocate();
              return compose::logo_objects(*image, xobject, numbering.allocate());
            }};
  }
  auto file = std::make_shared<SourcePdf>(path, path.filename().string());
  const PageGeometry box = file->geometry(0);
  return {compose::LogoShape{box.urx - box.llx, box.ury - box.lly, false, box.llx, box.lly},
          [file](ObjectNumbering& numbering) { return file->copy_page_as_form(0, 0, numbering).objects; }};
}

// `load()`, its input problems told as the job's: a layout or font that
// does not load fails this job.
template <typename Load>
auto for_job(const std::string& job, Load load) {
  try {
    return load();
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::input) throw;
    auto problems = error.problems();
    for (auto& problem : problems)
      if (problem.where.job.empty()) problem.where.job = job;
    throw Error(ErrorKind::input, std::move(problems));
  }
}

// What a data job's manifest names at `field` cannot be used.
[[noreturn]] void refuse_manifest_field(const DataJob& data, const char* field, const std::string& message) {
  Where where;
  where.job = data.name;
  where.file = data.manifest.filename().string();
  where.field = field;
  throw_input(where, message);
}

}  // namespace

ComposedJob compose_data_job(const DataJob& data, const RunRequest& request, const ProfileCatalog& profiles,
                             const std::filesystem::path& spool, unsigned tokens) {
  const FontCatalog fonts = for_job(data.name, [&] { return load_fonts(request.fonts); });
  const LetterLayout layout =
      for_job(data.name, [&] { return load_letter_layout(request.layouts, data.layout, fonts); });
  const auto clients = for_job(data.name, [&] { return load_clients(request.layouts); });
  const auto client = clients.find(data.client);
  if (client == clients.end()) {
    refuse_manifest_field(
        data, "client",
        "\"" + data.client + "\" is no client of layouts/clients.toml, whose letterhead the letters need");
  }
  const std::string form = form_problem(profiles.inserters.at(data.defaults.inserter), layout.form);
  if (!form.empty()) {
    refuse_manifest_field(data, "defaults.inserter", "layout \"" + data.layout + "\": " + form);
  }
  // The envelope the letters are folded into: the job's own, or the
  // inserter's for folded pieces.
  const InserterProfile& inserter = profiles.inserters.at(data.defaults.inserter);
  const EnvelopeProfile& folded =
      profiles.envelopes.at(data.defaults.envelope == "auto" ? inserter.folded_envelope : data.defaults.envelope);
  const auto area = address_area(folded, layout.form);
  if (!area) {
    refuse_manifest_field(data, "defaults.inserter",
                          "the window of envelope \"" + folded.name + "\", into which inserter profile \"" +
                              inserter.name + "\" folds letters, shows nothing of the address field of layout \"" +
                              data.layout + "\"");
  }
  const compose::FontSet font_set(fonts, {layout.font, layout.bold_font});
  std::optional<ClientLogo> logo;
  if (!client->second.logo.empty()) logo = client_logo(client->second.logo);
  const AddressWindow window{folded.name, *area};
  ComposedJob composed =
      compose_job(data, layout, client->second, font_set, logo ? &*logo : nullptr, inserter, window, spool, tokens);
  composed.form = layout.form;
  composed.window = window;
  return composed;
}

ComposedJob compose_job(const DataJob& data, const LetterLayout& layout, const Client& client, const FontSet& fonts,
                        const ClientLogo* logo, const InserterProfile& inserter, const AddressWindow& window,
                        const std::filesystem::path& spool, unsigned tokens) {
  ComposedJob result;
  Job& job = result.job;
  job.name = data.name;
  job.client = data.client;
  job.application = data.application;
  job.due = data.due;
  job.form = layout.form;
  job.folder = data.manifest.parent_path();
  job.entries = data.records;
  job.entries_stamp = file_stamp(data.records);
  job.record_fields = layout.fields;
  job.files = {spool};
  ProductionSettings settings = data.defaults;
  settings.sensitive = settings.sensitive || layout.sensitive;
  job.settings = {settings};
  const std::size_t expected = line_count(data.records);
  job.documents.reserve(expected);
  job.recipients.reserve(expected);

  Where where;
  where.job = data.name;
  where.file = data.records_name;
  std::vector<Diagnostic> read_problems;
  RecordReader reader(data.records, where, layout.fields, read_problems);
  const LetterComposer composer(layout, client, fonts, logo ? &logo->shape : nullptr, inserter.clear_zone,
                                settings.sides == Sides::duplex, window);
  tbb::enumerable_thread_specific<TextSetter> setters([&fonts] { return TextSetter(fonts); });
  SpoolWriter writer(spool, fonts, logo, job);
  std::vector<Diagnostic> compose_problems;
  bool more = true;
  std::size_t records_read = 0;
  std::set<std::string> left;  // places of the records a reprint does not compose

  tbb::parallel_pipeline(
      tokens,
      tbb::make_filter<void, Batch>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& control) -> Batch {
        auto batch = std::make_shared<std::vector<Letter>>();
        while (more && batch->size() < kBatchRecords) {
          auto record = data.record_limit != 0 && records_read == data.record_limit ? std::nullopt : reader.next();
          ++records_read;
          if (!record) {
            more = false;
            break;
          }
          // A reprint's: the other records, bad ones too, are read and left.
          if (data.only_documents && (!record->valid || !data.only_documents->contains(record->id))) {
            left.insert(record->place);
            continue;
          }
          batch->push_back(Letter{std::move(*record), {}, {}, {}});
        }
        if (batch->empty()) control.stop();
        return batch;
      }) & tbb::make_filter<Batch, Batch>(tbb::filter_mode::parallel, [&](Batch batch) {
        TextSetter& setter = setters.local();
        for (auto& letter : *batch) {
          if (!letter.record.valid) continue;
          try {
            ComposedLetter composed = composer.compose(letter.record.fields, setter);
            for (const auto& page : composed.pages) letter.pages.push_back(deflate(page));
            letter.glyphs = std::move(composed.glyphs);
          } catch (const Error& error) {
            for (auto problem : error.problems()) {
              problem.where.job = where.job;
              problem.where.file = where.file;
              problem.where.record = letter.record.place;
              problem.where.document = letter.record.id;
              letter.problems.push_back(std::move(problem));
            }
          }
        }
        return batch;
      }) & tbb::make_filter<Batch, void>(tbb::filter_mode::serial_in_order, [&](Batch batch) {
        for (auto& letter : *batch) {
          if (!letter.record.valid || !letter.problems.empty()) {
            ++result.rejected_records;
            compose_problems.insert(compose_problems.end(), letter.problems.begin(), letter.problems.end());
            continue;
          }
          writer.add(letter, client.id);
        }
      }));
  writer.finish();

  std::erase_if(read_problems, [&](const Diagnostic& problem) { return left.contains(problem.where.record); });
  std::vector<Diagnostic> problems = std::move(read_problems);
  problems.insert(problems.end(), compose_problems.begin(), compose_problems.end());
  // In record order ("line 7", "row 3"; the file's own problems first), as
  // the application that corrects them reads its file.
  const auto number = [](const Diagnostic& problem) {
    const auto space = problem.where.record.rfind(' ');
    return space == std::string::npos ? 0ul : std::strtoul(problem.where.record.c_str() + space + 1, nullptr, 10);
  };
  std::stable_sort(problems.begin(), problems.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return number(a) < number(b); });
  if (!problems.empty() && (!data.skip_bad_records || job.documents.empty()))
    throw Error(ErrorKind::input, std::move(problems));
  result.rejected = std::move(problems);
  return result;
}

}  // namespace kuvert

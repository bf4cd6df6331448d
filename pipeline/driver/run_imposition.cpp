// The imposition pipeline. Reading source objects and numbering them must
// be serial (one PDF reader, one numbering per run file), and so is writing;
// building sheets and marks is independent per sheet and runs in parallel.
// Items are a few dozen consecutive sheets of one run.
#include "pipeline/driver/run_imposition.hpp"

#include <tbb/parallel_pipeline.h>

#include <cctype>
#include <memory>
#include <optional>
#include <set>

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/reprint_selection.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"
#include "pipeline/pdf/sha256.hpp"
#include "stages/deliver/control_files.hpp"
#include "stages/deliver/piece_manifest.hpp"
#include "stages/deliver/run_ticket.hpp"
#include "stages/impose/sheet_imposer.hpp"
#include "stages/ingest/document_entries.hpp"
#include "stages/ingest/source_files.hpp"
#include "stages/plan/pieces.hpp"
#include "stages/plan/sheets.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;

// One sheet: where it stands, its source pages, and once imposed, its objects.
struct ImposedSheet {
  SheetContext context;
  std::optional<CopiedPage> front, back;
  SheetNumbers numbers;
  SheetObjects imposed;
};

// Sheets per pipeline item: enough to outweigh the hand-over between
// threads, few enough that the items in flight stay small.
constexpr std::size_t kChunkSheets = 32;

// Consecutive sheets of one run, as they travel through the pipeline.
struct SheetBatch {
  std::size_t run = 0;
  std::shared_ptr<RunContents> contents;  // the run's pieces; the writer adds their identities at its end
  bool opens_run = false;
  bool closes_run = false;
  std::vector<ImposedSheet> sheets;
  std::uint32_t info_object = 0;   // on the run's last piece
  std::uint32_t object_count = 0;  // likewise
};

using BatchItem = std::shared_ptr<SheetBatch>;  // what the pipeline hands on

// A document's id for a message, or its place in the job should the
// manifest no longer give it: the message at hand must not be lost.
std::string document_name(DocumentEntries& entries, std::uint32_t document) {
  try {
    return entries.identity(document).id;
  } catch (const Error&) {
    std::string name = "#";
    name += std::to_string(document + 1);
    return name;
  }
}

// Serial reader: walks the runs sheet by sheet and copies source pages.
// A run's pieces are made in full when it begins (plan/pieces.hpp), and a
// piece's sheets when the piece begins, so only one run is held in full.
class SheetReader {
 public:
  SheetReader(const Job& job, const std::vector<PrintRun>& runs, const ProfileCatalog& profiles, SourceFiles& sources,
              std::string job_key)
      : job_(job), runs_(runs), profiles_(profiles), sources_(sources), job_key_(std::move(job_key)) {}

  // The next kChunkSheets sheets of the current run (fewer at its end). A
  // long document is spread over several items, so memory stays bounded by
  // the chunk size however thick a piece is.
  BatchItem next() {
    if (run_ >= runs_.size()) return nullptr;
    const auto& run = runs_[run_];
    auto batch = std::make_shared<SheetBatch>();
    batch->run = run_;
    batch->opens_run = piece_ == 0 && sheet_ == 0;
    if (batch->opens_run) {
      contents_ = std::make_shared<RunContents>(RunContents{run_pieces(job_, run, profiles_), {}});
      numbering_ = ObjectNumbering();
      sheet_in_run_ = 0;
    }
    batch->contents = contents_;
    const auto& inserter = profiles_.inserters.at(run.settings.inserter);
    const auto& pieces = contents_->pieces;
    while (batch->sheets.size() < kChunkSheets && piece_ < pieces.size()) {
      const MailPiece& piece = pieces[piece_];
      if (sheet_ == 0) {
        sheets_ = lay_out_sheets(job_, piece, run.settings.manual ? nullptr : &inserter);
        stations_ = inserter.stations(piece.inserts);
      }
      add_sheet(run, piece, *batch);
      if (++sheet_ == sheets_.size()) {
        ++piece_;
        sheet_ = 0;
      }
    }
    if (piece_ == pieces.size()) {
      batch->closes_run = true;
      batch->info_object = numbering_.allocate();
      batch->object_count = numbering_.next();
      ++run_;
      piece_ = 0;
      contents_.reset();
    }
    return batch;
  }

 private:
  // Copies sheet sheet_ of `piece` into `batch`.
  void add_sheet(const PrintRun& run, const MailPiece& piece, SheetBatch& batch) {
    const Sheet& sheet = sheets_[sheet_];
    ImposedSheet imposed;
    imposed.context = SheetContext{run.id,
                                   piece.id,
                                   ++sheet_in_run_,
                                   static_cast<std::uint32_t>(run.sheet_count),
                                   static_cast<std::uint32_t>(sheet_ + 1),
                                   static_cast<std::uint32_t>(sheets_.size()),
                                   stations_,
                                   job_key_};
    if (sheet.front) imposed.front = copy(*sheet.front, piece);
    if (sheet.back) imposed.back = copy(*sheet.back, piece);
    imposed.numbers = allocate_sheet_numbers(numbering_, run.settings.sides);
    batch.sheets.push_back(std::move(imposed));
  }

  // A page that validation could not see damaged (its content streams are
  // read only now) is reported with its job, document and page.
  CopiedPage copy(const PageRef& page, const MailPiece& piece) {
    try {
      return sources_.at(page.file).copy_page(page.page, page.file, numbering_);
    } catch (const Error& error) {
      std::vector<Diagnostic> problems = error.problems();
      DocumentEntries entries(job_);
      for (auto& problem : problems) {
        problem.where.job = job_.name;
        for (auto index : piece.documents) {
          const Document& document = job_.documents[index];
          if (document.file == page.file && page.page >= document.first_page &&
              page.page < document.first_page + document.page_count)
            problem.where.document = document_name(entries, index);
        }
        problem.message = "page " + std::to_string(page.page + 1) + " " + problem.message;
      }
      throw Error(error.kind(), std::move(problems));
    }
  }

  const Job& job_;
  const std::vector<PrintRun>& runs_;
  const ProfileCatalog& profiles_;
  SourceFiles& sources_;
  std::string job_key_;
  std::size_t run_ = 0, piece_ = 0, sheet_ = 0;  // the next sheet to copy
  std::shared_ptr<RunContents> contents_;        // of the current run
  std::vector<Sheet> sheets_;                    // of the current piece
  std::vector<int> stations_;                    // feeders of the current piece
  ObjectNumbering numbering_;
  std::uint32_t sheet_in_run_ = 0;
};

// Serial writer: appends imposed sheets to the current run file and closes
// each run with its ticket and piece manifest.
class RunWriter {
 public:
  RunWriter(const Job& job, const std::vector<PrintRun>& runs, const ProfileCatalog& profiles,
            const OutputFolder& folder, const ImpositionOptions& options, Reporter& reporter)
      : job_(job),
        runs_(runs),
        profiles_(profiles),
        folder_(folder),
        options_(options),
        reporter_(reporter),
        entries_(job) {
    for (const auto& run : runs) sheets_total_ += run.sheet_count;
  }

  void write(const SheetBatch& batch) {
    const auto& run = runs_[batch.run];
    if (batch.opens_run)
      file_.emplace(folder_.path() / (run.id + ".pdf"),
                    PdfFileInfo{run.id + " " + job_.name, pdf_date(options_.created), ""});
    for (const auto& sheet : batch.sheets) {
      for (const auto& object : sheet.imposed.objects) file_->write(object);
      for (auto page : sheet.imposed.pages) file_->add_page(page);
    }
    sheets_done_ += batch.sheets.size();
    reporter_.progress(sheets_done_, sheets_total_);
    if (!batch.closes_run) return;
    const auto result = file_->finish(batch.info_object, batch.object_count);
    file_.reset();
    // Ids and addresses are read back from the manifest here, beside the
    // reader rather than in its serial path.
    RunContents& contents = *batch.contents;
    for (const auto& piece : contents.pieces)
      for (const auto index : piece.documents) contents.identities.emplace(index, entries_.identity(index));
    auto ticket = run_ticket(job_, run, contents, profiles_, result, options_.created, options_.job_key);
    if (options_.reprint) {
      std::set<std::string> documents;
      for (const auto& [index, identity] : contents.identities) documents.insert(identity.id);
      ticket.reprint_of = replaced_pieces(*options_.reprint, documents);
    }
    for (auto& file : control_files(run, contents, profiles_.inserters.at(run.settings.inserter), options_.job_key)) {
      folder_.write_file(file.name, file.bytes);
      ticket.control_files.push_back(std::move(file.name));
    }
    folder_.write_file(run.id + ".json", nlohmann::json(ticket).dump(2) + "\n");
    folder_.write_file(run.id + ".csv", piece_manifest_csv(job_, run, contents, options_.job_key));
    tickets_.push_back(std::move(ticket));
  }

  std::vector<RunTicket> tickets() && { return std::move(tickets_); }

 private:
  const Job& job_;
  const std::vector<PrintRun>& runs_;
  const ProfileCatalog& profiles_;
  const OutputFolder& folder_;
  const ImpositionOptions& options_;
  Reporter& reporter_;
  DocumentEntries entries_;
  std::optional<PdfFileWriter> file_;
  std::vector<RunTicket> tickets_;
  std::size_t sheets_done_ = 0, sheets_total_ = 0;
};

}  // namespace

std::string job_key(const Job& job, const std::string& created) {
  Sha256 hash;
  hash.update(job.client + "\n" + job.name + "\n" + created);
  std::string key = hash.hex().substr(0, 8);
  for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return key;
}

std::vector<RunTicket> impose_runs(const Job& job, const std::vector<PrintRun>& runs, const ProfileCatalog& profiles,
                                   SourceFiles& sources, const OutputFolder& folder, const ImpositionOptions& options,
                                   Reporter& reporter) {
  if (runs.empty()) return {};
  SheetReader reader(job, runs, profiles, sources, options.job_key);
  RunWriter writer(job, runs, profiles, folder, options, reporter);
  tbb::parallel_pipeline(
      options.tokens,
      tbb::make_filter<void, BatchItem>(tbb::filter_mode::serial_in_order, [&reader](tbb::flow_control& control) {
        auto batch = reader.next();
        if (!batch) control.stop();
        return batch;
      }) & tbb::make_filter<BatchItem, BatchItem>(tbb::filter_mode::parallel, [&runs, &profiles](BatchItem batch) {
        const auto& run = runs[batch->run];
        const InserterProfile* marks = run.settings.manual ? nullptr : &profiles.inserters.at(run.settings.inserter);
        for (auto& sheet : batch->sheets)
          sheet.imposed = impose_sheet(marks, sheet.context, run.settings.sides, std::move(sheet.front),
                                       std::move(sheet.back), sheet.numbers);
        return batch;
      }) & tbb::make_filter<BatchItem, void>(tbb::filter_mode::serial_in_order, [&writer](BatchItem batch) {
        writer.write(*batch);
      }));
  return std::move(writer).tickets();
}

}  // namespace kuvert

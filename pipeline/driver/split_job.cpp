#include "pipeline/driver/split_job.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/print_file_pages.hpp"
#include "pipeline/driver/split_ocr.hpp"
#include "pipeline/driver/split_proof.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/utf8.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "stages/deliver/csv_text.hpp"
#include "stages/ingest/job_manifest.hpp"
#include "stages/ingest/settings_check.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/document_split.hpp"

namespace kuvert {

namespace fs = std::filesystem;

namespace {

// What was found per document, for a person checking the split: its pages,
// the rule that started it, its address as read and every field.
std::string split_csv_header(const SplitProfile& profile) {
  std::vector<std::string> header = {"document", "first_page", "last_page", "pages", "rule", "address"};
  for (const auto& field : profile.fields) header.push_back(field.name);
  return csv_row(header);
}

std::string split_csv_row(const SplitProfile& profile, std::size_t number, const split::SplitDocument& document) {
  std::string address;
  for (const auto& line : document.recipient_lines) address += (address.empty() ? "" : " | ") + line;
  std::vector<std::string> row = {std::to_string(number),
                                  std::to_string(document.first_page),
                                  std::to_string(document.first_page + document.pages - 1),
                                  std::to_string(document.pages),
                                  document.rule,
                                  address};
  for (const auto& field : profile.fields) {
    const auto value = document.fields.find(field.name);
    row.push_back(value == document.fields.end() ? "" : value->second);
  }
  return csv_row(row);
}

// The page a problem names ("page 7"), 0 for one of the whole file.
std::uint32_t page_of(const Diagnostic& problem) {
  const std::string& record = problem.where.record;
  return record.starts_with("page ") ? static_cast<std::uint32_t>(std::strtoul(record.c_str() + 5, nullptr, 10)) : 0;
}

// What is kept of every document while the split goes on: its pages and id.
struct DocumentSpan {
  std::uint32_t first_page = 0, pages = 0;
  std::string id;
};

std::string pages_of(const DocumentSpan& span) {
  return std::to_string(span.first_page) + "-" + std::to_string(span.first_page + span.pages - 1);
}

// The documents are in page order: the last one starting on or before `page`.
const DocumentSpan* document_at(const std::vector<DocumentSpan>& documents, std::uint32_t page) {
  const auto after = std::upper_bound(documents.begin(), documents.end(), page,
                                      [](std::uint32_t p, const DocumentSpan& d) { return p < d.first_page; });
  if (after == documents.begin()) return nullptr;
  const auto& document = *std::prev(after);
  return page < document.first_page + document.pages ? &document : nullptr;
}

// A document's entry in job.json: its id, pages and recipient, and what
// its fields set (SplitField::sets); a value the profile maps to nothing
// is a problem.
nlohmann::json document_entry(const SplitProfile& profile, const split::SplitDocument& document,
                              std::vector<Diagnostic>& problems) {
  nlohmann::json entry = {{"id", document.fields.at(profile.id_field)},
                          {"pages", pages_of(DocumentSpan{document.first_page, document.pages, {}})},
                          {"recipient", recipient_json(*document.recipient)}};
  for (const auto& field : profile.fields) {
    const auto found = document.fields.find(field.name);
    if (field.sets.empty() || found == document.fields.end()) continue;
    std::string value = found->second;
    if (!field.values.empty()) {
      const auto mapped = field.values.find(value);
      if (mapped == field.values.end()) {
        problems.push_back(
            {Where{.field = field.name}, "reads \"" + value + "\", which the profile's values do not name"});
        continue;
      }
      value = mapped->second;
    }
    if (field.sets == "inserts")
      entry["inserts"].push_back(value);
    else if (field.sets == "sensitive" || field.sets == "consolidate")
      entry[field.sets] = value != "false";
    else
      entry[field.sets] = value;
  }
  return entry;
}

// The problems of the documents left out, and of pages in none: pages, id,
// field, problem (as exceptions.csv lists a data job's bad records).
std::string exceptions_csv(const std::vector<Diagnostic>& problems, const std::vector<DocumentSpan>& documents) {
  std::string text = csv_row({"pages", "id", "field", "problem"});
  for (const auto& problem : problems) {
    const auto* document = document_at(documents, page_of(problem));
    text += csv_row({document ? pages_of(*document) : problem.where.record.substr(problem.where.record.find(' ') + 1),
                     document ? document->id : "", problem.where.field, problem.message});
  }
  return text;
}

// The print file copied into the job folder under its own name, before it
// is read: a link would share the input's pages, and an application that
// writes its next file under the same name would change this job's.
void place_print_file(const fs::path& file, const fs::path& folder) {
  std::error_code error;
  fs::copy_file(file, folder / file.filename(), error);
  if (error)
    throw_system(Where{.file = file.filename().string()}, "cannot be copied into the job folder: " + error.message());
}

// The pages' words read on every core, a batch of pages at a time, each
// thread with a reader of its own (neither ours nor poppler's is to be
// shared between threads); then the batch handed to the splitter in page
// order on this thread, each document to `ended` as it ends. The splitter
// runs here because std::regex matches by recursion, which needs a main
// thread's stack (some 3 MB for kMaxRegionTextBytes read by "((.|\n)*)");
// TBB's threads have less, and 16 MB stacks for them doubled the time.
// Pages without text of their own are read by OCR in the profile's
// regions where it allows that (split_ocr.hpp). `opened`, the file's
// reader already made, becomes this thread's.
void read_pages(std::unique_ptr<split::PrintFileText> opened, const fs::path& file, const std::string& name,
                const SplitProfile& profile, unsigned threads, split::DocumentSplitter& splitter,
                const std::function<void(split::SplitDocument)>& ended) {
  const std::uint32_t pages = opened->pages();
  const unsigned workers = threads ? threads : static_cast<unsigned>(tbb::this_task_arena::max_concurrency());
  const tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, workers);
  struct Read {
    std::optional<split::PageText> words;
    std::vector<Diagnostic> problems;  // of a page that cannot be read
  };
  tbb::enumerable_thread_specific<std::unique_ptr<split::PrintFileText>> readers;
  readers.local() = std::move(opened);
  tbb::enumerable_thread_specific<std::unique_ptr<RegionOcr>> ocr_readers;
  const auto read = [&](std::uint32_t number) {
    auto& reader = readers.local();
    if (!reader) reader = std::make_unique<split::PrintFileText>(file, name);
    Read page;
    try {
      page.words = reader->page(number);
      if (profile.ocr && page.words->words.empty()) {
        auto& ocr = ocr_readers.local();
        if (!ocr) ocr = std::make_unique<RegionOcr>(profile, file, name);
        page.words = ocr->read(number);
      }
    } catch (const Error& unreadable) {
      if (unreadable.kind() != ErrorKind::input) throw;  // OCR without its language data
      page.problems = unreadable.problems();
    }
    return page;
  };
  const std::uint32_t batch = 4 * workers;  // pages in memory at once
  std::vector<Read> batch_pages;
  for (std::uint32_t first = 1; first <= pages; first += batch) {
    const std::uint32_t count = std::min(batch, pages - first + 1);
    batch_pages.assign(count, Read{});
    tbb::parallel_for(std::uint32_t{0}, count, [&](std::uint32_t i) { batch_pages[i] = read(first + i); });
    for (std::uint32_t i = 0; i < count; ++i) {
      if (batch_pages[i].words)
        splitter.add(*batch_pages[i].words);
      else
        splitter.add_unreadable(first + i, std::move(batch_pages[i].problems));
      for (auto& document : splitter.take_finished()) ended(std::move(document));
    }
  }
}

// The profile's [job.defaults] as job.json gives them, checked against
// the profiles: a paper, envelope or inserter no profile describes would
// make every document bad, so the profile is refused.
ProductionSettings profile_defaults(const SplitProfile& profile, const ProfileCatalog& profiles) {
  nlohmann::json header = profile.job;
  header["job"] = "split";
  header["print_file"] = "split.pdf";
  header["documents"] = nlohmann::json::array({nlohmann::json::object()});  // counted, not read
  const Where where{.file = "splits/" + profile.name + ".toml"};
  std::vector<Diagnostic> problems;
  const JobManifest manifest =
      read_job_manifest([text = header.dump()] { return std::make_unique<std::istringstream>(text); }, where, problems);
  for (auto& problem : problems) problem.where.field = "job." + problem.where.field;
  for (auto& [field, message] : settings_problems(manifest.defaults, profiles, profile.address_form))
    problems.push_back({Where{.file = where.file, .field = "job.defaults." + field}, std::move(message)});
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return manifest.defaults;
}

// The documents as the splitter ends them, never all held: each one's
// entry in job.json, checked as kuvert run checks it (lengths,
// characters, postcodes), goes to a working file, its row to split.csv;
// kept are its pages and id (for exceptions.csv and the file of good
// pages) and, for a proof, the whole document.
class DocumentStream {
 public:
  DocumentStream(const SplitProfile& profile, const ProfileCatalog& profiles, ProductionSettings defaults,
                 std::string name, const OutputFolder& output, const std::string& in, bool keep_for_proof)
      : profile_(profile),
        profiles_(profiles),
        defaults_(std::move(defaults)),
        name_(std::move(name)),
        keep_(keep_for_proof),
        entries_(output.path()),
        entries_out_(entries_.path(), std::ios::binary),
        csv_name_(in + "split.csv"),
        csv_(output.path() / csv_name_, std::ios::binary) {
    csv_ << split_csv_header(profile);
  }

  void add(split::SplitDocument document) {
    const auto id = document.fields.find(profile_.id_field);
    spans_.push_back({document.first_page, document.pages, id == document.fields.end() ? "" : id->second});
    csv_ << split_csv_row(profile_, spans_.size(), document);
    // Without a recipient or an id the splitter has said so already.
    nlohmann::json entry;
    if (document.recipient && id != document.fields.end()) {
      std::vector<Diagnostic> found;
      entry = document_entry(profile_, document, found);
      // As kuvert run reads it, and its settings (a paper or insert a
      // field set) against the profiles, as kuvert run checks them.
      if (found.empty()) {
        const auto read = read_manifest_document(entry, Where{.file = name_}, found, defaults_);
        for (auto& [field, message] : settings_problems(read.settings, profiles_, profile_.address_form))
          found.push_back({Where{.field = field}, std::move(message)});
      }
      for (auto& problem : found)
        problems_.push_back(
            {Where{
                 .file = name_, .record = "page " + std::to_string(document.first_page), .field = problem.where.field},
             std::move(problem.message)});
      if (!found.empty()) entry = nullptr;
    }
    entries_out_ << entry.dump() << '\n';
    if (!entries_out_) throw_system(Where{.file = name_}, "cannot write the split's working file of job.json entries");
    if (keep_) kept_.push_back(std::move(document));
  }

  std::vector<Diagnostic>& problems() { return problems_; }
  const std::vector<DocumentSpan>& spans() const { return spans_; }
  std::vector<split::SplitDocument> kept_for_proof() { return std::exchange(kept_, {}); }

  // job.json: the job's keys, then the good documents' entries read back
  // one at a time, their pages counted in the file of the kept pages (the
  // same numbers when all are kept). split.csv is complete by then.
  void write_job_json(const nlohmann::json& job, const std::vector<bool>& bad, const OutputFolder& output,
                      const std::string& target) {
    close(csv_, csv_name_);
    output.sync_file(csv_name_);
    close(entries_out_, "the split's working file of job.json entries");
    std::ifstream entries(entries_.path(), std::ios::binary);
    std::ofstream out(output.path() / target, std::ios::binary);
    std::string head = job.dump(2);  // "{\n  ...\n}": the job has its keys
    head.resize(head.size() - 2);
    out << head << ",\n  \"documents\": [";
    std::uint32_t pages_kept = 0;
    bool first = true;
    std::string line;
    // Every document has its line: one missing is a letter not printed.
    for (std::size_t i = 0; i < spans_.size(); ++i) {
      if (!std::getline(entries, line))
        throw_system(Where{.file = name_}, "cannot read back the split's working file of job.json entries");
      if (bad[i]) continue;
      auto entry = nlohmann::json::parse(line);
      if (!entry.is_object())
        throw std::logic_error("document " + std::to_string(i + 1) + " of the split has no entry and no problem");
      entry["pages"] = pages_of(DocumentSpan{pages_kept + 1, spans_[i].pages, {}});
      pages_kept += spans_[i].pages;
      out << (first ? "\n    " : ",\n    ") << entry.dump();
      first = false;
    }
    out << "\n  ]\n}\n";
    close(out, target);
    output.sync_file(target);
  }

 private:
  static void close(std::ofstream& out, const std::string& name) {
    out.close();
    if (!out) throw_system(Where{.file = name}, "cannot be written");
  }

  const SplitProfile& profile_;
  const ProfileCatalog& profiles_;
  ProductionSettings defaults_;
  std::string name_;
  bool keep_;
  UnnamedFile entries_;
  std::ofstream entries_out_;
  std::string csv_name_;
  std::ofstream csv_;
  std::vector<DocumentSpan> spans_;
  std::vector<Diagnostic> problems_;
  std::vector<split::SplitDocument> kept_;
};

}  // namespace

SplitSummary split_into(const SplitRequest& request, const OutputFolder& output, const std::string& subfolder) {
  const SplitProfile profile = load_split_profile(request.layouts, request.profile);
  const split::AddressReader addresses(
      split::AddressConventions{load_country_names(request.layouts), load_postcode_forms(request.layouts)});
  const std::string name = request.print_file.filename().string();
  if (invalid_utf8_at(name) != std::string_view::npos)
    throw_input(Where{.file = request.print_file.string()},
                "has a name that is not UTF-8 text, which job.json cannot hold; rename the file");
  // The copy in the job folder is what is read, and what kuvert run prints.
  const std::string in = subfolder.empty() ? "" : subfolder + "/";
  fs::create_directories(output.path() / subfolder);
  place_print_file(request.print_file, output.path() / subfolder);
  split::DocumentSplitter splitter(profile, addresses, name);
  auto text = std::make_unique<split::PrintFileText>(output.path() / subfolder / name, name);
  const std::uint32_t pages = text->pages();
  const ProfileCatalog profiles =
      load_profiles(request.layouts, request.production_date.empty() ? utc_text(std::time(nullptr), "%Y-%m-%d")
                                                                     : request.production_date);
  DocumentStream documents(profile, profiles, profile_defaults(profile, profiles), name, output, in,
                           !request.proof.empty());
  read_pages(std::move(text), output.path() / subfolder / name, name, profile, request.threads, splitter,
             [&](split::SplitDocument document) { documents.add(std::move(document)); });
  auto outcome = std::move(splitter).finish();
  for (auto& document : outcome.documents) documents.add(std::move(document));
  outcome.documents = documents.kept_for_proof();
  auto& problems = outcome.problems;
  problems.insert(problems.end(), std::make_move_iterator(documents.problems().begin()),
                  std::make_move_iterator(documents.problems().end()));
  if (pages == 0) problems.push_back({Where{.file = name}, "has no pages"});
  std::stable_sort(problems.begin(), problems.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return page_of(a) < page_of(b); });
  if (!request.proof.empty()) try {
      write_split_proof(request.proof, request.fonts, profile, outcome, output.path() / subfolder / name, name,
                        iso_time(std::time(nullptr)));
    } catch (const std::exception& failed) {
      // Said with the split's own problems, never instead of them.
      problems.push_back({Where{.file = request.proof.filename().string()},
                          std::string("the proof of the split cannot be written: ") + failed.what()});
      throw Error(ErrorKind::input, std::move(problems));
    }
  if (!problems.empty() && !profile.skip_bad_documents) throw Error(ErrorKind::input, std::move(problems));

  // A document any problem falls in is left out.
  const auto& spans = documents.spans();
  std::vector<bool> bad(spans.size(), false);
  for (const auto& problem : problems)
    if (const auto* document = document_at(spans, page_of(problem)))
      bad[static_cast<std::size_t>(document - spans.data())] = true;
  std::vector<PageSpan> kept;  // the good documents' pages
  std::uint32_t pages_kept = 0;
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (!bad[i]) {
      kept.push_back({spans[i].first_page, spans[i].pages});
      pages_kept += spans[i].pages;
    }
  if (kept.empty()) throw Error(ErrorKind::input, std::move(problems));
  const std::size_t left_out = spans.size() - kept.size();

  // Pages left out (bad documents, pages of none): the job prints a file of
  // the good documents' pages, STEM.split.pdf; the file as delivered stays
  // beside it, whose pages split.csv and exceptions.csv count.
  std::string print_file = name;
  if (pages_kept < pages) {
    print_file = request.print_file.stem().string() + ".split.pdf";
    write_pages_of(output.path() / subfolder / name, name, kept, output.path() / subfolder / print_file,
                   iso_time(std::time(nullptr)));
  }
  nlohmann::json job = profile.job;
  job["job"] = request.print_file.stem().string();
  job["print_file"] = print_file;
  job["form"] = profile.address_form == LetterForm::a ? "A" : "B";
  documents.write_job_json(job, bad, output, in + "job.json");
  if (!problems.empty()) output.write_file(in + "exceptions.csv", exceptions_csv(problems, spans));
  return {pages, kept.size(), left_out};
}

void complete(SplitRequest& request) {
  if (request.output.empty()) request.output = fs::path("jobs") / request.print_file.stem();
}

SplitSummary split_print_file(const SplitRequest& request) {
  OutputFolder::refuse_existing(request.output);
  OutputFolder folder(request.output);
  const auto summary = split_into(request, folder, "");
  folder.commit();
  return summary;
}

}  // namespace kuvert

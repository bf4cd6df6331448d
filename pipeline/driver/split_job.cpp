#include "pipeline/driver/split_job.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/print_file_pages.hpp"
#include "pipeline/driver/split_ocr.hpp"
#include "pipeline/driver/split_proof.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/utf8.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "stages/deliver/csv_text.hpp"
#include "stages/ingest/job_manifest.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/document_split.hpp"

namespace kuvert {

namespace fs = std::filesystem;

namespace {

// What was found per document, for a person checking the split: its pages,
// the rule that started it, its address as read and every field.
std::string split_csv(const SplitProfile& profile, const std::vector<split::SplitDocument>& documents) {
  std::vector<std::string> header = {"document", "first_page", "last_page", "pages", "rule", "address"};
  for (const auto& field : profile.fields) header.push_back(field.name);
  std::string text = csv_row(header);
  std::size_t number = 0;
  for (const auto& document : documents) {
    std::string address;
    for (const auto& line : document.recipient_lines) address += (address.empty() ? "" : " | ") + line;
    std::vector<std::string> row = {std::to_string(++number),
                                    std::to_string(document.first_page),
                                    std::to_string(document.first_page + document.pages - 1),
                                    std::to_string(document.pages),
                                    document.rule,
                                    address};
    for (const auto& field : profile.fields) {
      const auto value = document.fields.find(field.name);
      row.push_back(value == document.fields.end() ? "" : value->second);
    }
    text += csv_row(row);
  }
  return text;
}

std::string pages_of(const split::SplitDocument& document) {
  return std::to_string(document.first_page) + "-" + std::to_string(document.first_page + document.pages - 1);
}

// The page a problem names ("page 7"), 0 for one of the whole file.
std::uint32_t page_of(const Diagnostic& problem) {
  const std::string& record = problem.where.record;
  return record.starts_with("page ") ? static_cast<std::uint32_t>(std::strtoul(record.c_str() + 5, nullptr, 10)) : 0;
}

// The documents are in page order: the last one starting on or before `page`.
const split::SplitDocument* document_at(const std::vector<split::SplitDocument>& documents, std::uint32_t page) {
  const auto after = std::upper_bound(documents.begin(), documents.end(), page,
                                      [](std::uint32_t p, const split::SplitDocument& d) { return p < d.first_page; });
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
                          {"pages", pages_of(document)},
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
std::string exceptions_csv(const split::SplitOutcome& outcome, const std::string& id_field) {
  std::string text = csv_row({"pages", "id", "field", "problem"});
  for (const auto& problem : outcome.problems) {
    const auto* document = document_at(outcome.documents, page_of(problem));
    const auto id = document ? document->fields.find(id_field) : std::map<std::string, std::string>::const_iterator{};
    text += csv_row({document ? pages_of(*document) : problem.where.record.substr(problem.where.record.find(' ') + 1),
                     document && id != document->fields.end() ? id->second : "", problem.where.field, problem.message});
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

// The pages' words read on every core, each thread with a reader of its
// own (neither ours nor poppler's is to be shared between threads), and
// handed to the splitter in page order; a few pages in flight a thread.
// Pages without text of their own are read by OCR in the profile's
// regions where it allows that (split_ocr.hpp).
void read_pages(const fs::path& file, const std::string& name, std::uint32_t pages, const SplitProfile& profile,
                unsigned threads, split::DocumentSplitter& splitter) {
  // As many threads as the job may use (a reader each), with the stack
  // std::regex's recursion over a region's text (kMaxRegionTextBytes)
  // needs on any of them: the main thread's 8 MB. (16 MB made TBB's
  // threads take twice as long here.)
  const tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                        threads ? threads : tbb::this_task_arena::max_concurrency());
  const tbb::global_control stack(tbb::global_control::thread_stack_size, std::size_t{8} << 20);
  struct Read {
    std::uint32_t number = 0;
    std::optional<split::PageText> words;
    std::vector<Diagnostic> problems;  // of a page that cannot be read
  };
  tbb::enumerable_thread_specific<std::unique_ptr<split::PrintFileText>> readers;
  tbb::enumerable_thread_specific<std::unique_ptr<RegionOcr>> ocr_readers;
  std::uint32_t next = 1;
  tbb::parallel_pipeline(
      4 * static_cast<std::size_t>(threads ? threads : tbb::this_task_arena::max_concurrency()),
      tbb::make_filter<void, std::uint32_t>(tbb::filter_mode::serial_in_order,
                                            [&](tbb::flow_control& control) -> std::uint32_t {
                                              if (next > pages) control.stop();
                                              return next++;
                                            }) &
          tbb::make_filter<std::uint32_t, Read>(tbb::filter_mode::parallel,
                                                [&](std::uint32_t number) {
                                                  auto& reader = readers.local();
                                                  if (!reader)
                                                    reader = std::make_unique<split::PrintFileText>(file, name);
                                                  Read read{number, std::nullopt, {}};
                                                  try {
                                                    read.words = reader->page(number);
                                                    if (profile.ocr && read.words->words.empty()) {
                                                      auto& ocr = ocr_readers.local();
                                                      if (!ocr) ocr = std::make_unique<RegionOcr>(profile, file, name);
                                                      read.words = ocr->read(number);
                                                    }
                                                  } catch (const Error& unreadable) {
                                                    if (unreadable.kind() != ErrorKind::input)
                                                      throw;  // OCR without its language data
                                                    read.problems = unreadable.problems();
                                                  }
                                                  return read;
                                                }) &
          tbb::make_filter<Read, void>(tbb::filter_mode::serial_in_order, [&](Read read) {
            if (read.words)
              splitter.add(*read.words);
            else
              splitter.add_unreadable(read.number, std::move(read.problems));
          }));
}

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
  const split::PrintFileText text(output.path() / subfolder / name, name);
  read_pages(output.path() / subfolder / name, name, text.pages(), profile, request.threads, splitter);
  auto outcome = std::move(splitter).finish();

  // Each good document's entry in job.json, checked as kuvert run checks
  // it (lengths, characters, postcodes); a document any problem falls in
  // has none.
  std::vector<bool> bad(outcome.documents.size(), false);
  const auto mark_bad = [&](const Diagnostic& problem) {
    if (const auto* document = document_at(outcome.documents, page_of(problem)))
      bad[static_cast<std::size_t>(document - outcome.documents.data())] = true;
  };
  for (const auto& problem : outcome.problems) mark_bad(problem);
  std::vector<nlohmann::json> entries;
  for (std::size_t i = 0; i < outcome.documents.size(); ++i) {
    const auto& document = outcome.documents[i];
    if (bad[i]) {
      entries.emplace_back(nullptr);
      continue;
    }
    std::vector<Diagnostic> problems;
    nlohmann::json entry = document_entry(profile, document, problems);
    if (problems.empty()) read_manifest_document(entry, Where{.file = name}, problems);
    for (auto& problem : problems)
      outcome.problems.push_back(
          {Where{.file = name, .record = "page " + std::to_string(document.first_page), .field = problem.where.field},
           std::move(problem.message)});
    entries.push_back(problems.empty() ? std::move(entry) : nlohmann::json(nullptr));
  }
  if (text.pages() == 0) outcome.problems.push_back({Where{.file = name}, "has no pages"});
  std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return page_of(a) < page_of(b); });
  if (!request.proof.empty()) try {
      write_split_proof(request.proof, request.fonts, profile, outcome, output.path() / subfolder / name, name,
                        iso_time(std::time(nullptr)));
    } catch (const std::exception& failed) {
      // Said with the split's own problems, never instead of them.
      outcome.problems.push_back({Where{.file = request.proof.filename().string()},
                                  std::string("the proof of the split cannot be written: ") + failed.what()});
      throw Error(ErrorKind::input, std::move(outcome.problems));
    }
  if (!outcome.problems.empty() && !profile.skip_bad_documents)
    throw Error(ErrorKind::input, std::move(outcome.problems));
  auto documents = nlohmann::json::array();
  std::vector<PageSpan> kept;  // the good documents' pages
  std::uint32_t pages_kept = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].is_null()) continue;
    const auto& document = outcome.documents[i];
    kept.push_back({document.first_page, document.pages});
    // Numbered in the file of the kept pages (the same numbers when all are kept).
    entries[i]["pages"] = std::to_string(pages_kept + 1) + "-" + std::to_string(pages_kept + document.pages);
    pages_kept += document.pages;
    documents.push_back(std::move(entries[i]));
  }
  if (documents.empty()) throw Error(ErrorKind::input, std::move(outcome.problems));
  const std::size_t left_out = outcome.documents.size() - documents.size();

  // Pages left out (bad documents, pages of none): the job prints a file of
  // the good documents' pages, STEM.split.pdf; the file as delivered stays
  // beside it, whose pages split.csv and exceptions.csv count.
  std::string print_file = name;
  if (pages_kept < text.pages()) {
    print_file = request.print_file.stem().string() + ".split.pdf";
    write_pages_of(output.path() / subfolder / name, name, kept, output.path() / subfolder / print_file,
                   iso_time(std::time(nullptr)));
  }
  nlohmann::json job = profile.job;
  job["job"] = request.print_file.stem().string();
  job["print_file"] = print_file;
  job["form"] = profile.address_form == LetterForm::a ? "A" : "B";
  const std::size_t written = documents.size();
  job["documents"] = std::move(documents);
  output.write_file(in + "job.json", job.dump(2) + "\n");
  output.write_file(in + "split.csv", split_csv(profile, outcome.documents));
  if (!outcome.problems.empty()) output.write_file(in + "exceptions.csv", exceptions_csv(outcome, profile.id_field));
  return {text.pages(), written, left_out};
}

SplitSummary split_print_file(const SplitRequest& request) {
  OutputFolder::refuse_existing(request.output);
  OutputFolder folder(request.output);
  const auto summary = split_into(request, folder, "");
  folder.commit();
  return summary;
}

}  // namespace kuvert

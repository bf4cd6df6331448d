// Validation happens in full before anything is produced: the manifest, the
// profiles it names, and the PDFs, each opened once and checked page by page
// (every page accounted for, upright A4 portrait). Documents are read one at
// a time from the manifest; problems are collected and thrown together.
#include "stages/ingest/job_reader.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/counted.hpp"
#include "stages/ingest/address_key.hpp"
#include "stages/ingest/file_stamp.hpp"
#include "stages/ingest/job_manifest.hpp"
#include "stages/ingest/settings_check.hpp"
#include "stages/ingest/source_files.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;

constexpr double kSizeTolerancePt = 2.835;  // 1 mm

// Opens job.json for one reading pass.
ManifestOpener manifest_opener(const fs::path& path, const Where& where) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) throw_input(where, "job.json not found at " + path.string());
  return [path, where] {
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw_system(where, "cannot read " + path.string());
    return std::unique_ptr<std::istream>(std::move(in));
  };
}

// "page 7 belongs" or "pages 7-8 belong".
std::string page_words(const PageRange& range) {
  return range.count() == 1 ? "page " + to_string(range) + " belongs" : "pages " + to_string(range) + " belong";
}

std::string format_pt(double value) {
  std::ostringstream out;
  out << std::lround(value);
  return out.str();
}

// What is wrong with a page's geometry for our sheets, or "".
std::string page_geometry_problem(const PageGeometry& g) {
  const double width = g.urx - g.llx, height = g.ury - g.lly;
  if (g.rotate != 0)
    return "is rotated by " + std::to_string(g.rotate) + " degrees; expected an upright A4 portrait page";
  if (std::abs(width - kA4WidthPt) <= kSizeTolerancePt && std::abs(height - kA4HeightPt) <= kSizeTolerancePt) return "";
  return "is " + format_pt(width) + " x " + format_pt(height) + " pt; expected A4 portrait (595 x 842 pt)";
}

// Why a file name from a manifest may not be used, or nothing: a job names
// only files in its own folder (a link there to a spool elsewhere is fine).
std::optional<std::string> file_name_problem(const std::string& name) {
  const fs::path inside = fs::path(name).lexically_normal();
  if (inside.is_absolute() || inside.empty() || *inside.begin() == "..")
    return "\"" + name + "\" lies outside the job folder; a job may only use its own files";
  return std::nullopt;
}

// Whether `path`, links followed, lies inside `folder` (links followed too).
bool resolves_inside(const fs::path& path, const fs::path& folder) {
  std::error_code error;
  const fs::path real = fs::canonical(path, error);
  const fs::path real_folder = fs::canonical(folder, error);
  if (error) return false;
  const fs::path relative = real.lexically_relative(real_folder);
  return !relative.empty() && *relative.begin() != "..";
}

class JobValidation {
 public:
  JobValidation(Job& job, const ProfileCatalog& profiles, std::string manifest_file, SourceFiles& sources,
                ManifestOpener open)
      : job_(job),
        profiles_(profiles),
        manifest_file_(std::move(manifest_file)),
        sources_(sources),
        open_(std::move(open)) {}

  // The defaults' problems are reported once, at "defaults.FIELD"; a
  // document is blamed only for what it sets otherwise itself.
  void check_defaults(const ProductionSettings& defaults) {
    for (auto& [field, message] : settings_problems(defaults, profiles_, job_.form)) {
      add(Where{.file = manifest_file_, .field = "defaults." + field}, message);
      default_problems_.emplace(std::move(field), std::move(message));
    }
  }

  void check_profiles(const ManifestDocument& document) {
    for (const auto& problem : settings_problems(document.settings, profiles_, job_.form))
      if (!default_problems_.count(problem)) add(document, problem.first, problem.second);
  }

  // Opens a source PDF once, however the manifest names it (other spellings,
  // links: files are told apart by device and inode); returns its index in
  // Job::files or nothing. `where` names the document and field that gave
  // the name. A job names only files in its own folder; a link there to a
  // spool elsewhere is fine (hot folders link large files in).
  std::optional<std::uint32_t> open(const std::string& name, const Where& where) {
    if (auto problem = file_name_problem(name)) {
      add(where, std::move(*problem));
      return std::nullopt;
    }
    const fs::path path = fs::absolute(job_.folder / fs::path(name).lexically_normal());
    struct stat info {};
    const FileKey key =
        ::stat(path.c_str(), &info) == 0 ? FileKey{info.st_dev, info.st_ino, {}} : FileKey{0, 0, path.string()};
    auto known_file = file_index_.find(key);
    if (known_file != file_index_.end()) {
      if (!known_file->second) add(where, "names \"" + name + "\", which could not be opened (see above)");
      return known_file->second;
    }
    std::optional<std::uint32_t> index;
    try {
      index = sources_.add(path, name);
      const SourcePdf& spool = sources_.at(*index);
      // The file told apart by its device and inode must be the one opened.
      if (key.path.empty() && spool.identity() != std::pair<std::uint64_t, std::uint64_t>(key.device, key.inode))
        throw_input(Where{.file = name}, "was replaced by another file while the job was read");
      job_.files.push_back(path);
      page_counts_.push_back(spool.page_count());
      // Every page must belong to a document, so every page is checked.
      auto& bad = bad_pages_.emplace_back();
      for (std::uint32_t page = 0; page < spool.page_count(); ++page) {
        auto problem = page_geometry_problem(spool.geometry(page));
        if (problem.empty()) problem = describe(spool.obstacle(page));
        if (!problem.empty()) bad.emplace_back(page, std::move(problem));
      }
    } catch (const Error& error) {
      for (auto problem : error.problems()) {
        problem.where.job = job_.name;
        problem.where.document = where.document;
        problem.where.field = where.field;
        problems_.push_back(problem);
      }
    }
    file_index_[key] = index;
    return index;
  }

  std::uint32_t page_count(std::uint32_t file) const { return page_counts_[file]; }

  // Reports the pages of a document that are not A4 portrait or cannot be
  // imposed as they print, and those with ink in the clear zone the
  // document's inserter keeps white (mirrored on the backs of duplex
  // sheets, where every document starts on a front).
  void check_pages(const Document& document) {
    bool bad = false;
    for (const auto& [page, problem] : bad_pages_[document.file])
      if (page >= document.first_page && page < document.first_page + document.page_count) {
        page_problem(document, page, problem);
        bad = true;
      }
    if (bad) return;
    const ProductionSettings& settings = job_.settings_of(document);
    const auto inserter = profiles_.inserters.find(settings.inserter);
    if (inserter == profiles_.inserters.end()) return;
    const bool keep_zone = !inserter->second.paint_over_source_marks;
    const RectMm front = inserter->second.clear_zone;
    RectMm back = front;
    back.x = kA4WidthMm - front.x - front.width;
    SourcePdf& spool = sources_.at(document.file);
    for (std::uint32_t i = 0; i < document.page_count; ++i) {
      const std::uint32_t page = document.first_page + i;
      const bool on_back = settings.sides == Sides::duplex && i % 2 == 1;
      const RectMm& zone = on_back ? back : front;
      pdf::PageInk ink;
      try {
        ink = spool.ink_in(page, keep_zone ? std::vector<RectMm>{zone} : std::vector<RectMm>{});
      } catch (const Error& error) {
        for (const auto& problem : error.problems()) page_problem(document, page, problem.message);
        return;
      }
      for (const auto& font : ink.unembedded_fonts) {
        if (font.standard && allow_standard_fonts_) continue;
        page_problem(document, page,
                     "shows text in the font \"" + font.name +
                         "\", which the file does not embed: a printer would substitute another and lines would "
                         "reflow; deliver the print file with its fonts embedded" +
                         (font.standard ? " (or allow the 14 standard fonts with \"standard_fonts\": \"allow\" in "
                                          "job.json)"
                                        : ""));
        return;
      }
      if (const auto& mark = ink.in_zones) {
        char at[160];
        std::snprintf(at, sizeof at,
                      "(at x %.1f mm, y %.1f mm from the top left; the zone is x %.0f to %.0f mm, y %.0f to %.0f mm%s)",
                      mark->x_mm, mark->y_mm, zone.x, zone.x + zone.width, zone.y, zone.y + zone.height,
                      on_back ? " on a back" : "");
        page_problem(document, page,
                     "has " + mark->what + " inside the clear zone of inserter profile \"" + settings.inserter + "\" " +
                         at + ", which imposing paints white");
        return;
      }
    }
  }

  // The 14 standard fonts may stand unembedded ("standard_fonts": "allow").
  void allow_standard_fonts(bool allow) { allow_standard_fonts_ = allow; }

  void page_problem(const Document& document, std::uint32_t page, const std::string& problem) {
    add(Where{.document = id_of(document), .file = job_.files[document.file].filename().string()},
        "page " + std::to_string(page + 1) + " " + problem);
  }

  // A document's id, read back from the manifest: documents do not keep
  // theirs, and only messages need it.
  std::string id_of(const Document& document) {
    if (!manifest_) manifest_ = open_();
    std::vector<Diagnostic> ignored;
    const auto entry = read_manifest_document_at(*manifest_, document.entry_offset, Where{}, ignored);
    return entry ? entry->id : "";
  }

  // A problem with a field of a document in the manifest.
  void add(const std::string& document, const std::string& field, std::string message) {
    problems_.push_back(
        {Where{.job = job_.name, .document = document, .file = manifest_file_, .field = field}, std::move(message)});
  }
  void add(const ManifestDocument& document, const std::string& field, std::string message) {
    add(document.id, field, std::move(message));
  }
  void add(Where where, std::string message) {
    where.job = job_.name;
    problems_.push_back({std::move(where), std::move(message)});
  }
  std::vector<Diagnostic>& problems() { return problems_; }

 private:
  Job& job_;
  const ProfileCatalog& profiles_;
  std::string manifest_file_;
  SourceFiles& sources_;
  // A file is its device and inode; the path only where stat failed.
  struct FileKey {
    dev_t device;
    ino_t inode;
    std::string path;
    auto operator<=>(const FileKey&) const = default;
  };
  std::map<FileKey, std::optional<std::uint32_t>> file_index_;
  std::vector<std::uint32_t> page_counts_;
  std::vector<std::vector<std::pair<std::uint32_t, std::string>>> bad_pages_;  // by file: page, problem
  bool allow_standard_fonts_ = false;
  std::set<std::pair<std::string, std::string>> default_problems_;  // (field, message)
  std::vector<Diagnostic> problems_;
  ManifestOpener open_;
  std::unique_ptr<std::istream> manifest_;  // for id_of(), opened when first needed
};

// Every page of every source file belongs to exactly one document: a page
// in two documents would go into two envelopes.
// `named_file[i]` tells whether document i named its own file (else a range
// of the print file), for messages about the field it wrote.
void check_page_accounting(const Job& job, const std::vector<bool>& named_file, JobValidation& validation) {
  std::vector<std::vector<const Document*>> by_file(job.files.size());
  for (const auto& document : job.documents)
    if (document.page_count > 0) by_file[document.file].push_back(&document);
  auto named = [&](const Document* document) { return named_file[document - job.documents.data()]; };
  for (std::uint32_t file = 0; file < job.files.size(); ++file) {
    auto& documents = by_file[file];
    const Where file_where{.file = job.files[file].filename().string()};
    // A document that names a whole file must be its only user; it is
    // reported once and left out of the page-by-page check below, so the
    // file's other documents are not blamed.
    if (documents.size() > 1) {
      const Document* first_user = documents.front();
      for (const auto* document : documents)
        if (named(document) && document != first_user)
          validation.add(validation.id_of(*document), "file",
                         "names the same file as document \"" + validation.id_of(*first_user) + "\" (" +
                             file_where.file + "); every page goes into exactly one envelope");
        else if (named(document))
          for (const auto* other : documents)
            if (other != document) {
              validation.add(validation.id_of(*other), named(other) ? "file" : "pages",
                             "uses pages of " + file_where.file + ", which document \"" + validation.id_of(*document) +
                                 "\" takes whole; every page goes into exactly one envelope");
              break;
            }
      std::erase_if(documents, [&](const Document* document) { return named(document); });
    }
    std::stable_sort(documents.begin(), documents.end(),
                     [](auto* a, auto* b) { return a->first_page < b->first_page; });
    std::uint32_t next = documents.empty() ? validation.page_count(file) : 0;  // first page not yet claimed
    const Document* previous = nullptr;
    // The documents that overlap each document reaching furthest so far:
    // one range that swallows several documents is one mistake, reported
    // once at its source rather than at every document it swallowed.
    std::vector<std::pair<const Document*, std::vector<const Document*>>> overlaps;
    for (const auto* document : documents) {
      if (document->first_page < next) {
        if (overlaps.empty() || overlaps.back().first != previous) overlaps.push_back({previous, {}});
        overlaps.back().second.push_back(document);
      } else if (document->first_page > next) {
        validation.add(file_where, page_words(PageRange{next + 1, document->first_page}) + " to no document");
      }
      if (document->first_page + document->page_count > next) {
        next = document->first_page + document->page_count;
        previous = document;
      }
    }
    if (next < validation.page_count(file))
      validation.add(file_where, page_words(PageRange{next + 1, validation.page_count(file)}) + " to no document");
    const auto range_of = [](const Document* document) {
      const PageRange range{document->first_page + 1, document->first_page + document->page_count};
      return (range.count() == 1 ? "page " : "pages ") + to_string(range);
    };
    for (const auto& [wide, swallowed] : overlaps) {
      if (swallowed.size() == 1) {
        const Document* document = swallowed.front();
        validation.add(validation.id_of(*document), "pages",
                       range_of(document) + (document->page_count == 1 ? " overlaps" : " overlap") +
                           " those of document \"" + validation.id_of(*wide) + "\"");
      } else {
        validation.add(validation.id_of(*wide), "pages",
                       range_of(wide) + " take the pages of " + std::to_string(swallowed.size()) +
                           " other documents (\"" + validation.id_of(*swallowed.front()) + "\" to \"" +
                           validation.id_of(*swallowed.back()) + "\")");
      }
    }
  }
}

// The index of `settings` in the job's distinct settings, added if new. A
// job has a handful, so a list will do.
std::uint16_t settings_index(std::vector<ProductionSettings>& distinct, const ProductionSettings& settings,
                             const Where& where) {
  auto known = std::find(distinct.begin(), distinct.end(), settings);
  if (known == distinct.end()) {
    if (distinct.size() > std::numeric_limits<std::uint16_t>::max())
      throw_input(where, "has more than 65,536 different production settings");
    known = distinct.insert(distinct.end(), settings);
  }
  return static_cast<std::uint16_t>(known - distinct.begin());
}

// The rest of a data job's manifest: its defaults against the profiles, and
// its records file.
DataJob read_data_job(const JobManifest& manifest, const fs::path& manifest_path, const ProfileCatalog& profiles,
                      const Where& where, std::vector<Diagnostic>& problems) {
  DataJob job{.name = where.job,
              .client = manifest.client,
              .application = manifest.application,
              .due = manifest.due,
              .manifest = fs::absolute(manifest_path),
              .layout = manifest.layout,
              .records = {},
              .records_name = manifest.records,
              .defaults = manifest.defaults,
              .skip_bad_records = manifest.skip_bad_records};
  Where at = where;
  for (const auto& [field, message] : settings_problems(manifest.defaults, profiles, std::nullopt)) {
    at.field = "defaults." + field;
    problems.push_back({at, message});
  }
  if (!manifest.records.empty()) {
    at.field = "records";
    if (auto problem = file_name_problem(manifest.records)) {
      problems.push_back({at, std::move(*problem)});
    } else {
      job.records = fs::absolute(job.manifest.parent_path() / fs::path(manifest.records).lexically_normal());
      std::error_code error;
      if (!fs::is_regular_file(job.records, error)) {
        problems.push_back({at, "\"" + manifest.records + "\" is not there"});
      } else if (!resolves_inside(job.records, job.manifest.parent_path())) {
        // Messages quote what records say: never of a file that is not the job's.
        problems.push_back({at, "\"" + manifest.records +
                                    "\" links to a file outside the job folder; a job's records must be its own"});
      }
    }
  }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return job;
}

}  // namespace

std::variant<Job, DataJob> read_job(const fs::path& path, const ProfileCatalog& profiles, SourceFiles& sources) {
  const bool is_folder = fs::is_directory(path);
  const fs::path manifest_path = is_folder ? path / "job.json" : path;
  Where where{.job = path.filename().string(), .file = manifest_path.filename().string()};
  if (where.job.empty()) where.job = path.parent_path().filename().string();

  const ManifestOpener open = manifest_opener(manifest_path, where);
  const FileStamp stamp = file_stamp(manifest_path);
  std::vector<Diagnostic> manifest_problems;
  const JobManifest manifest = read_job_manifest(open, where, manifest_problems);
  if (!manifest.job.empty()) where.job = manifest.job;
  for (auto& problem : manifest_problems) problem.where.job = where.job;
  if (!manifest.layout.empty() || !manifest.records.empty())
    return read_data_job(manifest, manifest_path, profiles, where, manifest_problems);

  Job job{.name = where.job,
          .client = manifest.client,
          .application = manifest.application,
          .due = manifest.due,
          .folder = fs::absolute(manifest_path).parent_path(),
          .entries = fs::absolute(manifest_path),
          .entries_stamp = stamp,
          .files = {},
          .settings = {},
          .documents = {},
          .form = manifest.form};
  JobValidation validation(job, profiles, where.file, sources, open);
  validation.allow_standard_fonts(manifest.allow_standard_fonts);
  auto& problems = validation.problems();
  problems.insert(problems.end(), manifest_problems.begin(), manifest_problems.end());
  validation.check_defaults(manifest.defaults);
  // The print file is opened (and its page tree walked) before the
  // documents are read, so the two never stand in memory together.
  std::optional<std::uint32_t> print_file;
  if (!manifest.print_file.empty())
    print_file = validation.open(manifest.print_file, Where{.file = where.file, .field = "print_file"});

  // Each document is checked and resolved as it is read, so a large job
  // never holds its manifest and its documents at the same time.
  job.documents.reserve(manifest.documents);
  job.recipients.reserve(manifest.documents);
  std::vector<bool> named_file;
  // Whether some document's pages could not be placed (a bad range, a file
  // that did not open): then which pages belong to no document is unknown.
  bool unplaced = false;
  read_manifest_documents(open, manifest, where, problems, [&](ManifestDocument&& entry, std::uint64_t offset) {
    validation.check_profiles(entry);
    Document document{.entry_offset = offset,
                      .file = 0,
                      .first_page = 0,
                      .page_count = 0,
                      .settings = settings_index(job.settings, entry.settings, where),
                      .domestic = entry.recipient.domestic()};
    job.recipients.push_back(recipient_key(job.client, entry.recipient));
    unplaced = unplaced || (!entry.pages && entry.file.empty());
    if (entry.pages) {
      if (manifest.print_file.empty()) {
        validation.add(entry, "pages", "is given but the job names no print_file");
        unplaced = true;
      } else if (print_file) {
        document.file = *print_file;
        const auto pages = validation.page_count(*print_file);
        if (entry.pages->last > pages) {
          validation.add(entry, "pages",
                         "pages " + to_string(*entry.pages) + " are outside " + manifest.print_file + " (" +
                             counted(pages, "page", "pages") + ")");
          unplaced = true;
        } else {
          document.first_page = entry.pages->first - 1;
          document.page_count = entry.pages->count();
        }
      }
    } else if (!entry.file.empty()) {
      if (auto file = validation.open(entry.file, Where{.document = entry.id, .file = where.file, .field = "file"})) {
        document.file = *file;
        document.page_count = validation.page_count(*file);
      } else {
        unplaced = true;
      }
    }
    job.documents.push_back(document);
    named_file.push_back(!entry.pages);
  });
  // Pages are accounted for and measured whenever every document found its
  // pages, even if other fields had problems: all of it is reported at once.
  if (!unplaced && (print_file || manifest.print_file.empty())) {
    check_page_accounting(job, named_file, validation);
    for (const auto& document : job.documents) validation.check_pages(document);
  }
  if (file_stamp(manifest_path) != stamp)
    problems.push_back({where, "changed while it was being read; run the job again once it is complete"});
  if (!validation.problems().empty()) throw Error(ErrorKind::input, std::move(validation.problems()));
  return job;
}

}  // namespace kuvert

#include "pipeline/service/return_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/model/counted.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/service/run_delivery.hpp"
#include "stages/deliver/csv_text.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

struct PostingRecord {
  std::string document;
  std::string piece;
  std::string run;
  std::string product;
  std::string handling;     // posted, hand-mailed, pulled, not posted, cancelled
  std::string posted_on;    // "" when not posted
  std::string notified_on;  // likewise
  std::string note;
  std::int64_t run_id = 0;  // for the order of reprinted documents
};

const std::vector<std::string> kColumns{"document", "piece",     "run",         "product",
                                        "handling", "posted_on", "notified_on", "note"};

// What became of one document of `piece`.
PostingRecord record_of(const PostedPiece& piece, const std::string& document, const NotificationRule& rule) {
  PostingRecord record{document, piece.id, piece.run, piece.product, "posted", "", "", piece.note, piece.run_id};
  if (piece.run_state == RunState::cancelled) {
    record.handling = "cancelled";
    return record;
  }
  if (piece.status == InsertStatus::pulled) {
    record.handling = "pulled";
    return record;
  }
  if (piece.status != InsertStatus::ok && piece.status != InsertStatus::hand_mailed) {
    record.handling = "not posted";  // failed, and its reprint was cancelled
    return record;
  }
  if (piece.status == InsertStatus::hand_mailed) record.handling = "hand-mailed";
  record.posted_on = piece.posted_on;
  if (const auto posted = parse_iso_date(piece.posted_on))
    record.notified_on = iso_date_text(notified_on(*posted, rule));
  return record;
}

template <typename Each>
void each_document(const PostedPiece& piece, Each each) {
  std::istringstream documents(piece.documents);
  for (std::string id; documents >> id;) each(id);
}

// Every record in order: documents of the first runs in run and piece
// order, those reprinted after them (their last piece decides). Only the
// reprinted ones are held in memory: a few per thousand.
void each_record(Store& store, const JobRecord& job, const NotificationRule& rule,
                 const std::function<void(const PostingRecord&)>& write) {
  std::map<std::string, PostingRecord> reprinted;
  each_posted_piece(store, job.id, true, [&](const PostedPiece& piece) {
    if (piece.run_state == RunState::cancelled) return;  // never made: the failed piece stands, "not posted"
    each_document(piece, [&](const std::string& id) { reprinted[id] = record_of(piece, id, rule); });
  });
  each_posted_piece(store, job.id, false, [&](const PostedPiece& piece) {
    each_document(piece, [&](const std::string& id) {
      if (!reprinted.contains(id)) write(record_of(piece, id, rule));
    });
  });
  std::vector<const PostingRecord*> later;
  for (const auto& [id, record] : reprinted) later.push_back(&record);
  std::stable_sort(later.begin(), later.end(),
                   [](const PostingRecord* a, const PostingRecord* b) { return a->run_id < b->run_id; });
  for (const auto* record : later) write(*record);
}

std::string json_line(const PostingRecord& record) {
  const auto optional = [](const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); };
  const nlohmann::json line{{"document", record.document},
                            {"piece", record.piece},
                            {"run", record.run},
                            {"product", optional(record.product)},
                            {"handling", record.handling},
                            {"posted_on", optional(record.posted_on)},
                            {"notified_on", optional(record.notified_on)},
                            {"note", record.note}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string csv_line(const PostingRecord& record) {
  return csv_row({record.document, record.piece, record.run, record.product, record.handling, record.posted_on,
                  record.notified_on, record.note});
}

void fail_writing(const fs::path& file, const std::string& what) { throw_system(Where{.file = file.string()}, what); }

// One of the two return files still under its temporary name: how it
// begins and how it writes a record.
struct ReturnFile {
  fs::path file;
  std::string header;
  std::string (*line_of)(const PostingRecord&);
};

// Fills the temporary names of `files` in one pass over the records, syncs
// them and renames each into place: the CSV first, so that the JSON Lines
// file appearing means both are there.
void write_and_rename(Store& store, const JobRecord& job, const NotificationRule& rule,
                      const std::vector<ReturnFile>& files) {
  if (files.empty()) return;
  std::vector<std::ofstream> outs;
  for (const auto& file : files) {
    outs.emplace_back(partial_path(file.file), std::ios::binary | std::ios::trunc);
    outs.back() << file.header;
  }
  each_record(store, job, rule, [&](const PostingRecord& record) {
    for (std::size_t i = 0; i < files.size(); ++i) outs[i] << files[i].line_of(record);
  });
  for (std::size_t i = 0; i < files.size(); ++i) {
    outs[i].flush();
    if (!outs[i]) fail_writing(partial_path(files[i].file), "cannot be written");
    outs[i].close();
  }
  for (const auto& file : files) {
    const fs::path part = partial_path(file.file);
    sync_file(part);
    if (::rename(part.c_str(), file.file.c_str()) != 0) fail_writing(file.file, "cannot be renamed into place");
  }
}

void create_empty(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) fail_writing(file, "cannot be created");
  ::close(fd);
}

}  // namespace

std::string return_file_name(const JobRecord& job, const char* extension) {
  return job_file_stem(job.id, job.name) + ".posting." + extension;
}

void return_posting_records(Store& store, const Inbox& inbox, const NotificationRules& rules, std::int64_t now,
                            const std::function<void(const std::string&)>& log) {
  if (inbox.return_folder.empty()) return;
  for (const auto& [job, state] : jobs_due_for_return(store, inbox.name)) {
    const fs::path jsonl = inbox.return_folder / return_file_name(job, "jsonl");
    const fs::path csv = inbox.return_folder / return_file_name(job, "csv");
    if (state.empty()) {
      std::error_code error;
      fs::create_directories(inbox.return_folder, error);
      create_empty(partial_path(csv));
      create_empty(partial_path(jsonl));
      sync_folder(inbox.return_folder);  // the hidden files survive a power cut before the store says "writing"
      set_return_state(store, job.id, "writing", "", now);
    }
    const NotificationRule& rule = rules.of(job.client);
    std::error_code error;
    // After a crash, a file whose temporary name is gone was renamed already.
    std::vector<ReturnFile> due;
    if (fs::exists(partial_path(csv), error)) due.push_back({csv, csv_row(kColumns), csv_line});
    if (fs::exists(partial_path(jsonl), error)) due.push_back({jsonl, "", json_line});
    write_and_rename(store, job, rule, due);
    sync_folder(inbox.return_folder);
    set_return_state(store, job.id, "returned", jsonl.filename().string() + ", " + csv.filename().string(), now);
    log("job J" + std::to_string(job.id) + " \"" + job.name + "\": posting records returned to " +
        inbox.return_folder.string());
  }
}

}  // namespace kuvert::service

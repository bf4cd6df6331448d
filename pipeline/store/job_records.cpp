// The jobs table: one job per input, with the runs it produced.
#include "pipeline/store/job_records.hpp"

#include <nlohmann/json.hpp>

#include "pipeline/model/counted.hpp"
#include "pipeline/store/audit_trail.hpp"

namespace kuvert::store {

namespace {

constexpr const char* kJobFields =
    "SELECT id, input_id, kind, inbox, name, client, state, output, documents, pages, pieces, errors, created_at,"
    " coalesce(finished_at, '')";
constexpr int kJobColumnCount = 14;
const std::string kJobColumns = std::string(kJobFields) + " FROM jobs";
const std::string kJobColumnsAndReturn = std::string(kJobFields) + ", return_state FROM jobs";

JobRecord read_job(Statement& row) {
  JobRecord job;
  job.id = row.integer(0);
  job.input = row.integer(1);
  job.kind = row.text(2) == "scan" ? JobKind::scan : JobKind::job;
  job.inbox = row.text(3);
  job.name = row.text(4);
  job.client = row.text(5);
  const std::string state = row.text(6);
  job.state = state == "done" ? JobState::done : state == "failed" ? JobState::failed : JobState::processing;
  job.output = row.text(7);
  job.documents = row.integer(8);
  job.pages = row.integer(9);
  job.pieces = row.integer(10);
  job.errors = row.text(11);
  job.created_at = row.text(12);
  job.finished_at = row.text(13);
  return job;
}

}  // namespace

std::string job_audit_object(std::int64_t job) { return "job J" + std::to_string(job); }

std::string_view name(JobKind kind) { return kind == JobKind::scan ? "scan" : "job"; }

std::string_view name(JobState state) {
  switch (state) {
    case JobState::processing:
      return "processing";
    case JobState::done:
      return "done";
    case JobState::failed:
      return "failed";
  }
  return "?";
}

std::int64_t start_job(Store& store, std::int64_t input, JobKind kind, const std::string& inbox,
                       const std::string& name, const std::string& client, const std::string& output,
                       std::int64_t now) {
  Transaction transaction(store.db());
  Statement insert(store.db(),
                   "INSERT INTO jobs(id, input_id, kind, inbox, name, client, state, output, created_at)"
                   " VALUES (CASE WHEN EXISTS (SELECT 1 FROM jobs WHERE id = ?1)"
                   " THEN (SELECT max(id) + 1 FROM jobs) ELSE ?1 END, ?1, ?2, ?3, ?4, ?5, 'processing', ?6, ?7)"
                   " RETURNING id");
  insert.bind(1, input).bind(2, std::string(store::name(kind))).bind(3, inbox).bind(4, name).bind(5, client);
  insert.bind(6, output).bind(7, iso_time(now));
  // Inputs are numbered in the order they came and each makes one job, so
  // its number is free, but in a store whose jobs were numbered apart from
  // their inputs (before kuvert 2026-12) and an input that waited for its
  // job since: that one takes the next number after the last job.
  const std::int64_t job = insert.returned_id();
  append_audit(store, {iso_time(now), "kuvert", "job started", job_audit_object(job),
                       "input " + std::to_string(input) + ", " + name});
  transaction.commit();
  return job;
}

namespace {

// A run awaiting release, with its pieces, in the caller's transaction.
void insert_run(Store& store, std::int64_t job, const RunOutput& run, const std::string& printer, std::int64_t parent,
                std::int64_t now) {
  Statement insert(
      store.db(),
      "INSERT INTO runs(job_id, name, file, printer, pieces, sheets, pages, sensitive, state,"
      " created_at, updated_at, parent_run_id, paper, sides, envelope, inserter, inserts, due)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_release', ?, ?, nullif(?, 0), ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.bind(1, job).bind(2, run.name).bind(3, run.file).bind(4, printer).bind(5, run.pieces);
  insert.bind(6, run.sheets).bind(7, run.pages).bind(8, std::int64_t{run.sensitive}).bind(9, iso_time(now));
  insert.bind(10, iso_time(now)).bind(11, parent).bind(12, run.paper).bind(13, run.sides).bind(14, run.envelope);
  insert.bind(15, run.inserter).bind(16, run.inserts).bind(17, run.due);
  const std::int64_t run_id = insert.returned_id();
  Statement piece(store.db(),
                  "INSERT INTO pieces(id, run_id, sequence, sheets, documents, product, postage_cents, weight_g,"
                  " country, inserts, manual, recipient, postcode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& p : run.piece_list) {
    piece.bind(1, p.id).bind(2, run_id).bind(3, p.sequence).bind(4, p.sheets).bind(5, p.documents);
    piece.bind(6, p.product).bind_or_null(7, p.postage_cents).bind(8, p.weight_g).bind(9, p.country);
    piece.bind(10, p.inserts).bind(11, std::int64_t{p.manual}).bind(12, p.recipient).bind(13, p.postcode).run();
    piece.reset();
  }
}

}  // namespace

bool add_reprint_runs(Store& store, const RunRecord& parent, const std::vector<RunOutput>& runs, std::int64_t now) {
  Transaction transaction(store.db());
  Statement made(store.db(), "SELECT count(*) FROM runs WHERE parent_run_id = ?");
  made.bind(1, parent.id);
  if (made.first([](Statement& row) { return row.integer(0); }).value_or(0) > 0) return false;
  std::string detail;
  for (const auto& run : runs) {
    insert_run(store, parent.job, run, parent.printer, parent.id, now);
    detail += (detail.empty() ? "" : ", ") + run_number(parent.job, run.name) + " (" +
              counted(run.pieces, "piece", "pieces") + ")";
  }
  append_audit(store, {iso_time(now), "kuvert", "reprint made", audit_object(parent), detail});
  transaction.commit();
  return true;
}

void finish_job(Store& store, std::int64_t job, const JobResult& result, const std::string& printer, std::int64_t now) {
  Transaction transaction(store.db());
  Statement update(store.db(),
                   "UPDATE jobs SET state = 'done', name = ?, documents = ?, pages = ?, pieces = ?, finished_at = ?,"
                   " errors = ? WHERE id = ? AND state = 'processing'");
  update.bind(1, result.name).bind(2, result.documents).bind(3, result.pages).bind(4, result.pieces);
  update.bind(5, iso_time(now)).bind(6, result.errors).bind(7, job).run();
  if (store.db().changes() == 0) store.db().fail("job J" + std::to_string(job) + " is not being processed");
  for (const auto& run : result.runs) insert_run(store, job, run, printer, 0, now);
  Statement input(
      store.db(),
      "UPDATE inputs SET state = 'done', finished_at = ? WHERE id = (SELECT input_id FROM jobs WHERE id = ?)");
  input.bind(1, iso_time(now)).bind(2, job).run();
  append_audit(store, {iso_time(now), "kuvert", "job done", job_audit_object(job),
                       result.name + ": " + counted(result.documents, "document", "documents") + ", " +
                           counted(result.runs.size(), "run", "runs")});
  transaction.commit();
}

void fail_job(Store& store, std::int64_t job, const std::string& errors_json, std::int64_t now,
              const FailedJobIdentity& identity) {
  Transaction transaction(store.db());
  Statement update(store.db(),
                   "UPDATE jobs SET state = 'failed', errors = ?, finished_at = ?,"
                   " name = CASE WHEN ? = '' THEN name ELSE ? END, client = CASE WHEN ? = '' THEN client ELSE ? END"
                   " WHERE id = ?");
  update.bind(1, errors_json).bind(2, iso_time(now)).bind(3, identity.name).bind(4, identity.name);
  update.bind(5, identity.client).bind(6, identity.client).bind(7, job).run();
  Statement input(store.db(),
                  "UPDATE inputs SET state = 'failed', reason = 'the job failed', finished_at = ?"
                  " WHERE id = (SELECT input_id FROM jobs WHERE id = ?)");
  input.bind(1, iso_time(now)).bind(2, job).run();
  append_audit(store, {iso_time(now), "kuvert", "job failed", job_audit_object(job), errors_json});
  transaction.commit();
}

std::vector<JobRecord> list_jobs(Store& store, std::int64_t limit) {
  Statement query(store.db(), std::string(kJobColumns) + " ORDER BY created_at DESC, id DESC LIMIT ?");
  query.bind(1, limit);
  return query.rows(read_job);
}

std::optional<JobRecord> find_job(Store& store, std::int64_t id) {
  Statement query(store.db(), std::string(kJobColumns) + " WHERE id = ?");
  query.bind(1, id);
  return query.first(read_job);
}

std::vector<JobRecord> job_outputs_expired(Store& store, const std::string& before) {
  Statement query(store.db(), std::string(kJobColumns) +
                                  " WHERE kind = 'job' AND state = 'done' AND output != ''"
                                  " AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.job_id = jobs.id"
                                  "   AND (r.state NOT IN ('closed', 'cancelled') OR r.updated_at >= ?1))"
                                  " AND finished_at < ?1 ORDER BY id");
  query.bind(1, before);
  return query.rows(read_job);
}

void job_output_removed(Store& store, std::int64_t job, std::int64_t now) {
  Transaction transaction(store.db());
  Statement update(store.db(), "UPDATE jobs SET output = '' WHERE id = ?");
  update.bind(1, job).run();
  // Whom the pieces went to leaves with the letters: what stays (ids,
  // counts, postage, statuses) answers for the work, not for the people.
  Statement recipients(store.db(),
                       "UPDATE pieces SET recipient = '', postcode = ''"
                       " WHERE run_id IN (SELECT id FROM runs WHERE job_id = ?)");
  recipients.bind(1, job).run();
  append_audit(store, {iso_time(now), "kuvert", "output removed", job_audit_object(job), "retention"});
  transaction.commit();
}

std::vector<std::pair<std::string, std::int64_t>> count_by_state(Store& store, Counted what) {
  // The table name comes from this fixed choice, never from a request.
  const char* sql = what == Counted::inputs ? "SELECT state, count(*) FROM inputs GROUP BY state ORDER BY state"
                    : what == Counted::jobs ? "SELECT state, count(*) FROM jobs GROUP BY state ORDER BY state"
                                            : "SELECT state, count(*) FROM runs GROUP BY state ORDER BY state";
  Statement query(store.db(), sql);
  return query.rows([](Statement& row) { return std::pair{row.text(0), row.integer(1)}; });
}

ProductionTotals production_between(Store& store, const std::string& from, const std::string& to) {
  ProductionTotals totals;
  Statement produced(store.db(),
                     "SELECT coalesce(sum(pages), 0), coalesce(sum(pieces), 0) FROM runs"
                     " WHERE created_at >= ? AND created_at < ?");
  produced.bind(1, from).bind(2, to);
  if (produced.step()) {
    totals.produced_pages = produced.integer(0);
    totals.pieces = produced.integer(1);
  }
  Statement printed(store.db(), "SELECT coalesce(sum(pages), 0) FROM runs WHERE printed_at >= ? AND printed_at < ?");
  printed.bind(1, from).bind(2, to);
  if (printed.step()) totals.printed_pages = printed.integer(0);
  Statement scans(store.db(),
                  "SELECT coalesce(sum(pages), 0) FROM jobs WHERE kind = 'scan' AND state = 'done'"
                  " AND finished_at >= ? AND finished_at < ?");
  scans.bind(1, from).bind(2, to);
  if (scans.step()) totals.scanned_pages = scans.integer(0);
  return totals;
}

std::optional<JobRecord> job_of_input(Store& store, std::int64_t input) {
  Statement query(store.db(), std::string(kJobColumns) + " WHERE input_id = ?");
  query.bind(1, input);
  return query.first(read_job);
}

}  // namespace kuvert::store

namespace kuvert::store {

std::vector<ReturnDue> jobs_due_for_return(Store& store, const std::string& inbox) {
  Statement query(store.db(), std::string(kJobColumnsAndReturn) +
                                  " WHERE inbox = ? AND kind = 'job' AND state = 'done'"
                                  " AND return_state IN ('', 'writing')"
                                  " AND EXISTS (SELECT 1 FROM runs r WHERE r.job_id = jobs.id)"
                                  " AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.job_id = jobs.id"
                                  " AND r.state NOT IN ('closed', 'cancelled')) ORDER BY id");
  query.bind(1, inbox);
  return query.rows([](Statement& row) { return ReturnDue{read_job(row), row.text(kJobColumnCount)}; });
}

void set_return_state(Store& store, std::int64_t job, const std::string& state, const std::string& detail,
                      std::int64_t now) {
  Transaction transaction(store.db());
  Statement update(store.db(),
                   "UPDATE jobs SET return_state = ?, returned_at = CASE WHEN ? = 'returned' THEN ? ELSE returned_at"
                   " END WHERE id = ?");
  update.bind(1, state).bind(2, state).bind(3, iso_time(now)).bind(4, job).run();
  if (state == "returned")
    append_audit(store, {iso_time(now), "kuvert", "posting records returned", job_audit_object(job), detail});
  transaction.commit();
}

void each_posted_piece(Store& store, std::int64_t job, bool reprints,
                       const std::function<void(const PostedPiece&)>& each) {
  Statement query(store.db(),
                  "SELECT p.id, p.documents, coalesce(p.status, ''), p.note, p.product, r.name, r.id, r.state,"
                  " r.posted_on FROM pieces p JOIN runs r ON r.id = p.run_id WHERE r.job_id = ?"
                  " AND (CASE WHEN r.parent_run_id IS NULL THEN 0 ELSE 1 END) = ? ORDER BY r.id, p.sequence");
  query.bind(1, job).bind(2, std::int64_t{reprints});
  while (query.step())
    each({query.text(0), query.text(1), parse_insert_status(query.text(2)), query.text(3), query.text(4), query.text(5),
          query.integer(6), parse_run_state(query.text(7)).value_or(RunState::closed), query.text(8)});
}

}  // namespace kuvert::store

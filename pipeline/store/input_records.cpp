// The inputs table: every file or job folder taken from an inbox.
#include "pipeline/model/concat.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/enum_names.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/work_claims.hpp"

namespace kuvert::store {

namespace {

constexpr EnumNames<InputState, 5> kInputStates{{
    {InputState::taking, "taking"},
    {InputState::taken, "taken"},
    {InputState::done, "done"},
    {InputState::failed, "failed"},
    {InputState::duplicate, "duplicate"},
}};

InputState parse_input_state(const std::string& text) {
  return parse_in(kInputStates, text).value_or(InputState::failed);
}

constexpr const char* kInputColumns =
    "SELECT id, inbox, name, sha256, state, place, received_at, coalesce(reason, '') FROM inputs";

InputRecord read_input(Statement& row) {
  return {row.integer(0), row.text(1), row.text(2), row.text(3), parse_input_state(row.text(4)),
          row.text(5),    row.text(6), row.text(7)};
}

std::optional<InputRecord> accepted_with(Store& store, const std::string& sha256) {
  Statement query(store.db(),
                  std::string(kInputColumns) + " WHERE sha256 = ? AND state IN ('taking', 'taken', 'done') LIMIT 1");
  query.bind(1, sha256);
  return query.first(read_input);
}

std::string object(std::int64_t input) { return "input " + std::to_string(input); }

}  // namespace

std::string_view name(InputState state) { return name_in(kInputStates, state); }

std::string input_label(std::int64_t input, std::string_view inbox, std::string_view name) {
  return concat(object(input), " (", inbox, "/", name, ")");
}

std::string input_label(const InputRecord& input) { return input_label(input.id, input.inbox, input.name); }

Taking begin_taking(Store& store, const std::string& inbox, const std::string& name, const std::string& sha256,
                    const std::string& place, std::int64_t now, const std::string& worker) {
  Transaction transaction(store.db());
  Taking taking;
  taking.duplicate_of = accepted_with(store, sha256);
  if (taking.duplicate_of) return taking;
  Statement insert(store.db(),
                   "INSERT INTO inputs(inbox, name, sha256, state, place, received_at, worker)"
                   " VALUES (?, ?, ?, 'taking', ?, ?, ?) RETURNING id");
  insert.bind(1, inbox).bind(2, name).bind(3, sha256).bind(4, place).bind(5, iso_time(now)).bind(6, worker);
  taking.id = insert.returned_id();
  transaction.commit();
  return taking;
}

void set_input_place(Store& store, std::int64_t input, const std::string& place) {
  Statement update(store.db(), "UPDATE inputs SET place = ? WHERE id = ?");
  update.bind(1, place).bind(2, input).run();
}

void set_input_state(Store& store, std::int64_t input, InputState state, const std::string& reason, std::int64_t now) {
  Transaction transaction(store.db());
  Statement update(store.db(), "UPDATE inputs SET state = ?, reason = ?, finished_at = ? WHERE id = ?");
  update.bind(1, std::string(name(state))).bind(2, reason).bind(3, iso_time(now)).bind(4, input).run();
  if (state == InputState::taken) {
    append_audit(store, {iso_time(now), "kuvert", "input taken", object(input), reason});
    // Taken: whichever worker comes first processes it.
    Statement free(store.db(), "UPDATE inputs SET worker = NULL WHERE id = ?");
    free.bind(1, input).run();
    announce_work(store);
  }
  if (state == InputState::failed)
    append_audit(store, {iso_time(now), "kuvert", "input failed", object(input), reason});
  transaction.commit();
}

void record_refusal(Store& store, const std::string& inbox, const std::string& name, const std::string& sha256,
                    const std::string& place, InputState state, const std::string& reason, std::int64_t now) {
  Transaction transaction(store.db());
  Statement insert(store.db(),
                   "INSERT INTO inputs(inbox, name, sha256, state, place, received_at, finished_at, reason)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.bind(1, inbox).bind(2, name).bind(3, sha256).bind(4, std::string(store::name(state))).bind(5, place);
  insert.bind(6, iso_time(now)).bind(7, iso_time(now)).bind(8, reason);
  append_audit(store, {iso_time(now), "kuvert", "input refused", object(insert.returned_id()),
                       inbox + "/" + name + ": " + reason});
  transaction.commit();
}

void forget_input(Store& store, std::int64_t input) {
  Statement remove(store.db(), "DELETE FROM inputs WHERE id = ? AND state = 'taking'");
  remove.bind(1, input).run();
}

std::vector<InputRecord> inputs_in_state(Store& store, InputState state) {
  // The state written out (one of ours), so that the partial indexes of
  // open and failed inputs serve (SQLite uses one only for a literal).
  Statement query(store.db(), concat(kInputColumns, " WHERE state = '", name(state), "' ORDER BY id"));
  return query.rows(read_input);
}

std::vector<InputRecord> inputs_expired(Store& store, const std::string& before) {
  Statement query(store.db(),
                  std::string(kInputColumns) + " WHERE state = 'done' AND place != '' AND finished_at < ? ORDER BY id");
  query.bind(1, before);
  return query.rows(read_input);
}

void input_files_removed(Store& store, std::int64_t input, std::int64_t now) {
  Transaction transaction(store.db());
  Statement update(store.db(), "UPDATE inputs SET place = '' WHERE id = ?");
  update.bind(1, input).run();
  append_audit(store, {iso_time(now), "kuvert", "input removed", object(input), "retention"});
  transaction.commit();
}

std::optional<InputRecord> find_input(Store& store, std::int64_t id) {
  Statement query(store.db(), std::string(kInputColumns) + " WHERE id = ?");
  query.bind(1, id);
  return query.first(read_input);
}

}  // namespace kuvert::store

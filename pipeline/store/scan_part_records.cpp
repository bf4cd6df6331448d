#include "pipeline/store/scan_part_records.hpp"

namespace kuvert::store {

void open_scan_parts(Store& store, std::int64_t input, std::int64_t count) {
  Database& database = store.db();
  Transaction transaction(database);
  Statement held(database, "SELECT count(*) FROM scan_parts WHERE input_id = ?");
  held.bind(1, input);
  const auto existing = held.first([](Statement& row) { return row.integer(0); });
  if (existing && *existing == count) return;
  // Another plan (the first one's folder was lost): its parts start again.
  Statement drop(database, "DELETE FROM scan_parts WHERE input_id = ?");
  drop.bind(1, input).run();
  Statement open(database, "INSERT INTO scan_parts(input_id, part) VALUES (?, ?)");
  for (std::int64_t part = 1; part <= count; ++part) {
    open.reset();
    open.bind(1, input).bind(2, part).run();
  }
  transaction.commit();
}

ScanPartsProgress scan_parts_progress(Store& store, std::int64_t input) {
  Statement query(store.db(),
                  "SELECT count(*), count(*) FILTER (WHERE state = 'done'),"
                  " coalesce((SELECT 'part ' || part || ': ' || reason FROM scan_parts WHERE input_id = ?1"
                  " AND state = 'failed' ORDER BY part LIMIT 1), '') FROM scan_parts WHERE input_id = ?1");
  query.bind(1, input);
  return *query.first([](Statement& row) { return ScanPartsProgress{row.integer(0), row.integer(1), row.text(2)}; });
}

void finish_scan_part(Store& store, std::int64_t id) {
  Statement done(store.db(), "UPDATE scan_parts SET state = 'done', worker = NULL WHERE id = ?");
  done.bind(1, id).run();
}

void fail_scan_part(Store& store, std::int64_t id, const std::string& reason) {
  Statement failed(store.db(), "UPDATE scan_parts SET state = 'failed', worker = NULL, reason = ? WHERE id = ?");
  failed.bind(1, reason).bind(2, id).run();
}

void retry_scan_part(Store& store, std::int64_t id, const std::string& reason, int attempts) {
  Statement retry(store.db(),
                  "UPDATE scan_parts SET attempts = attempts + 1, worker = NULL, reason = ?,"
                  " state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'open' END WHERE id = ?");
  retry.bind(1, reason).bind(2, static_cast<std::int64_t>(attempts)).bind(3, id).run();
}

bool scan_part_exists(Store& store, std::int64_t id) {
  Statement query(store.db(), "SELECT 1 FROM scan_parts WHERE id = ?");
  query.bind(1, id);
  return query.step();
}

void drop_scan_parts(Store& store, std::int64_t input) {
  Statement drop(store.db(), "DELETE FROM scan_parts WHERE input_id = ?");
  drop.bind(1, input).run();
}

}  // namespace kuvert::store

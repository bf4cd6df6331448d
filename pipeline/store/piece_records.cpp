#include "pipeline/store/piece_records.hpp"

namespace kuvert::store {
namespace {

constexpr const char* kPieceColumns =
    "SELECT id, run_id, sequence, sheets, documents, coalesce(status, ''), status_at, station, note FROM pieces";

PieceRecord read_piece(Statement& row) {
  return {row.text(0),  row.integer(1), row.integer(2), row.integer(3), row.text(4),
          parse_insert_status(row.text(5)), row.text(6), row.text(7), row.text(8)};
}

}  // namespace

PieceLookup::PieceLookup(Store& store) : query_(store.db(), std::string(kPieceColumns) + " WHERE id = ?") {}

std::optional<PieceRecord> PieceLookup::find(const std::string& id) {
  query_.reset();
  query_.bind(1, id);
  return query_.first(read_piece);
}

std::optional<PieceRecord> find_piece(Store& store, const std::string& id) { return PieceLookup(store).find(id); }

std::vector<PieceRecord> pieces_of_run(Store& store, std::int64_t run) {
  Statement query(store.db(), std::string(kPieceColumns) + " WHERE run_id = ? ORDER BY sequence");
  query.bind(1, run);
  return query.rows(read_piece);
}

std::vector<PieceRecord> problem_pieces(Store& store, std::int64_t run, std::int64_t limit) {
  Statement query(store.db(), std::string(kPieceColumns) +
                                  " WHERE run_id = ? AND status IS NOT NULL AND status != 'ok'"
                                  " ORDER BY status = 'duplicate' DESC, sequence LIMIT ?");
  query.bind(1, run).bind(2, limit);
  return query.rows(read_piece);
}

std::vector<PieceRecord> pieces_to_reprint(Store& store, std::int64_t run) {
  Statement query(store.db(), std::string(kPieceColumns) + " WHERE run_id = ? AND status IN " + kStatusesToReprint +
                                  " ORDER BY sequence");
  query.bind(1, run);
  return query.rows(read_piece);
}

InsertStatusUpdate::InsertStatusUpdate(Store& store, std::int64_t run)
    : store_(store),
      run_(run),
      update_(store.db(),
              "UPDATE pieces SET status = CASE WHEN status = 'duplicate' THEN status ELSE ?1 END,"
              " status_at = ?2, station = ?3, note = ?4 WHERE id = ?5 AND run_id = ?6") {}

bool InsertStatusUpdate::set(const std::string& piece, InsertStatus status, const std::string& at,
                             const std::string& station, const std::string& note) {
  update_.reset();
  update_.bind(1, std::string(name(status))).bind(2, at).bind(3, station).bind(4, note).bind(5, piece).bind(6, run_);
  update_.run();
  return store_.db().changes() > 0;
}

PieceTally tally_pieces(Store& store, std::int64_t run) {
  Statement query(store.db(),
                  "SELECT count(*), count(*) FILTER (WHERE status IS NULL),"
                  " count(*) FILTER (WHERE status IN ('damaged', 'missing')),"
                  " count(*) FILTER (WHERE status = 'duplicate') FROM pieces WHERE run_id = ?");
  query.bind(1, run);
  return *query.first([](Statement& row) {
    return PieceTally{row.integer(0), row.integer(1), row.integer(2), row.integer(3)};
  });
}

std::map<std::string, std::int64_t> pieces_by_status(Store& store, std::int64_t run) {
  Statement query(store.db(),
                  "SELECT coalesce(status, 'not set'), count(*) FROM pieces WHERE run_id = ? GROUP BY 1");
  query.bind(1, run);
  std::map<std::string, std::int64_t> counts;
  while (query.step()) counts[query.text(0)] = query.integer(1);
  return counts;
}

std::vector<PostingLine> posting_lines(Store& store, const std::string& date, const std::string& client) {
  Statement query(store.db(),
                  "SELECT j.client, p.product,"
                  " CASE WHEN p.weight_g <= 20 THEN 1 WHEN p.weight_g <= 50 THEN 2 WHEN p.weight_g <= 500 THEN 3"
                  " WHEN p.weight_g <= 1000 THEN 4 ELSE 5 END AS class,"
                  " p.country NOT IN ('', 'DE') AS abroad, count(*), coalesce(sum(p.postage_cents), 0),"
                  " count(*) - count(p.postage_cents)"
                  " FROM pieces p JOIN runs r ON r.id = p.run_id JOIN jobs j ON j.id = r.job_id"
                  " WHERE r.posted_on = ?1 AND r.state IN ('posted', 'closed') AND p.status IN ('ok', 'hand-mailed')"
                  " AND (?2 = '' OR j.client = ?2) GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4");
  query.bind(1, date).bind(2, client);
  static const char* const kClasses[] = {"", "bis 20 g", "bis 50 g", "bis 500 g", "bis 1000 g", "über 1000 g"};
  return query.rows([](Statement& row) {
    return PostingLine{row.text(0),        row.text(1),       kClasses[row.integer(2)], row.integer(3) != 0,
                       row.integer(4),     row.integer(5),    row.integer(6)};
  });
}

std::int64_t set_unset_pieces(Store& store, std::int64_t run, InsertStatus status, const std::string& at,
                              const std::string& note) {
  Statement update(store.db(),
                   "UPDATE pieces SET status = ?, status_at = ?, note = ? WHERE run_id = ? AND status IS NULL");
  update.bind(1, std::string(name(status))).bind(2, at).bind(3, note).bind(4, run).run();
  return store.db().changes();
}

}  // namespace kuvert::store

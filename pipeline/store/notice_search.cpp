#include "pipeline/store/notice_search.hpp"

#include "pipeline/model/concat.hpp"

namespace kuvert::store {

namespace {

// `text` for a LIKE pattern, its wildcards taken as themselves.
std::string like_escaped(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace

std::vector<NoticeHit> find_notices(Store& store, const std::string& text, bool see_sensitive) {
  Statement query(store.db(),
                  "SELECT p.id, p.documents, p.recipient, p.postcode, p.sheets, coalesce(p.status, ''), r.id, r.name,"
                  " r.state, r.sensitive, r.posted_on, j.id, j.name, j.client, r.created_at"
                  " FROM pieces p JOIN runs r ON r.id = p.run_id JOIN jobs j ON j.id = r.job_id"
                  " WHERE ((r.sensitive = 0 OR ?3 = 1) AND (lower(p.id) LIKE lower(?1) ESCAPE '\\'"
                  " OR lower(p.documents) LIKE lower(?1) ESCAPE '\\' OR p.postcode = ?2 OR lower(p.recipient) LIKE "
                  "lower(?1) ESCAPE '\\'))"
                  " OR p.id = ?2 OR lower(' ' || p.documents || ' ') LIKE lower(?5) ESCAPE '\\'"
                  " ORDER BY r.id DESC, p.sequence LIMIT ?4");
  // Letters in either case: lower() on both sides (ASCII letters, in SQLite
  // and in PostgreSQL's byte-wise collation of the store's text alike).
  query.bind(1, concat("%", like_escaped(text), "%")).bind(2, text).bind(3, std::int64_t{see_sensitive});
  query.bind(4, kMaxNoticeHits).bind(5, concat("% ", like_escaped(text), " %"));
  return query.rows([see_sensitive](Statement& row) {
    const bool sensitive = row.integer(9) != 0;
    const bool shown = see_sensitive || !sensitive;
    return NoticeHit{row.text(0),
                     shown ? row.text(1) : "",
                     shown ? row.text(2) : "",
                     shown ? row.text(3) : "",
                     row.integer(4),
                     row.text(5),
                     row.integer(6),
                     row.text(7),
                     row.text(8),
                     sensitive,
                     row.text(10),
                     row.integer(11),
                     row.text(12),
                     row.text(13),
                     row.text(14)};
  });
}

}  // namespace kuvert::store

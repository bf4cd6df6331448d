#include "pipeline/store/audit_trail.hpp"

#include <sodium.h>

#include "pipeline/model/utf8.hpp"

namespace kuvert::store {

namespace {

const std::string kGenesis(64, '0');

// Keyed BLAKE2b-256 over the fields, each preceded by its length so that
// no two records serialise alike.
std::string seal(const AuditKey& key, const std::vector<std::string>& fields) {
  crypto_generichash_state state;
  crypto_generichash_init(&state, key.data(), key.size(), 32);
  for (const auto& field : fields) {
    const std::string length = std::to_string(field.size()) + ":";
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field.data()), field.size());
  }
  unsigned char hash[32];
  crypto_generichash_final(&state, hash, sizeof hash);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string record_hash(const AuditKey& key, std::int64_t seq, const AuditEntry& entry, const std::string& previous) {
  return seal(key, {std::to_string(seq), entry.at, entry.user, entry.action, entry.object, entry.detail, previous});
}

std::string head_seal(const AuditKey& key, std::int64_t seq, const std::string& hash) {
  return seal(key, {"head", std::to_string(seq), hash});
}

}  // namespace

void append_audit(Store& store, const AuditEntry& given) {
  // Sealed as stored: text from outside (a file name, a user name cut at 64
  // bytes) may not be well-formed UTF-8, which PostgreSQL does not keep.
  const AuditEntry entry{well_formed_utf8(given.at), well_formed_utf8(given.user), well_formed_utf8(given.action),
                         well_formed_utf8(given.object), well_formed_utf8(given.detail)};
  std::int64_t seq = 1;
  std::string previous = kGenesis;
  {
    Statement last(store.db(), "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (last.step()) {
      seq = last.integer(0) + 1;
      previous = last.text(1);
    }
  }
  const std::string hash = record_hash(store.audit_key(), seq, entry, previous);
  Statement insert(
      store.db(),
      "INSERT INTO audit(seq, at, \"user\", action, object, detail, previous, hash) VALUES (?,?,?,?,?,?,?,?)");
  insert.bind(1, seq).bind(2, entry.at).bind(3, entry.user).bind(4, entry.action).bind(5, entry.object);
  insert.bind(6, entry.detail).bind(7, previous).bind(8, hash).run();
  Statement head(store.db(),
                 "INSERT INTO audit_head(one, seq, hash, seal) VALUES (1, ?, ?, ?)"
                 " ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, seal = excluded.seal");
  head.bind(1, seq).bind(2, hash).bind(3, head_seal(store.audit_key(), seq, hash)).run();
}

std::vector<AuditRecord> read_audit(Store& store, const AuditFilter& filter) {
  Statement query(store.db(),
                  "SELECT seq, at, \"user\", action, object, detail FROM audit"
                  " WHERE (?1 = '' OR \"user\" = ?1) AND (?2 = '' OR action = ?2)"
                  " AND (?3 = '' OR substr(object, 1, length(?3)) = ?3)"
                  " AND (?4 = '' OR at >= ?4) AND (?5 = '' OR at < ?5)"
                  " ORDER BY seq DESC LIMIT ?6");
  query.bind(1, filter.user).bind(2, filter.action).bind(3, filter.object).bind(4, filter.from).bind(5, filter.to);
  query.bind(6, filter.limit);
  return query.rows([](Statement& row) {
    return AuditRecord{row.integer(0), {row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)}};
  });
}

std::vector<std::string> verify_audit(Store& store) {
  std::vector<std::string> problems;
  Statement query(store.db(),
                  "SELECT seq, at, \"user\", action, object, detail, previous, hash FROM audit ORDER BY seq");
  std::int64_t expected_seq = 1;
  std::string previous = kGenesis;
  while (query.step()) {
    const std::int64_t seq = query.integer(0);
    const AuditEntry entry{query.text(1), query.text(2), query.text(3), query.text(4), query.text(5)};
    const std::string at = "audit record " + std::to_string(seq) + ": ";
    if (seq != expected_seq)
      problems.push_back(at + "records " + std::to_string(expected_seq) + " to " + std::to_string(seq - 1) +
                         " are missing");
    if (query.text(6) != previous) problems.push_back(at + "does not follow the record before it");
    if (query.text(7) != record_hash(store.audit_key(), seq, entry, query.text(6)))
      problems.push_back(at + "was changed after it was written");
    previous = query.text(7);
    expected_seq = seq + 1;
  }
  Statement head(store.db(), "SELECT seq, hash, seal FROM audit_head");
  const std::int64_t last = expected_seq - 1;
  if (!head.step()) {
    problems.push_back(last > 0 ? "the audit head is missing"
                                : "the audit trail is empty: even its first record, the store's creation, was deleted");
  } else if (head.text(2) != head_seal(store.audit_key(), head.integer(0), head.text(1))) {
    problems.push_back("the audit head was changed");
  } else if (head.integer(0) != last || head.text(1) != previous) {
    problems.push_back("the audit trail ends at record " + std::to_string(last) + " but record " +
                       std::to_string(head.integer(0)) + " was written: records were deleted");
  }
  return problems;
}

}  // namespace kuvert::store

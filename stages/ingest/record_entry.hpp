#pragma once
// One record of a data job's records file, as read and checked.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/recipient.hpp"

namespace kuvert {

// One record as read.
//
// `fields` is a JSON object with the schema's fields the record has; an
// absent optional field is absent (a JSON null and an empty CSV cell count
// as absent). Values are typed per FieldType:
//   text, date, period: strings, as delivered;
//   integer: a JSON integer (a whole 12.0 is stored as 12);
//   number: the JSON number as delivered;
//   money: the JSON number as delivered (euros), known to have at most two
//     decimals; money_cents() gives the exact cents. It is not converted to
//     cents so that `fields` stays what the client delivered, and a field
//     means the same whether a consumer knows its type or not;
//   recipient: {"name": [...], "street", "postcode", "city", "country"},
//     "country" filled in as "DE" when absent;
//   list: an array of objects, each typed the same way.
// A CSV row is converted to the object a JSON Lines line would hold: numbers
// from plain number cells ("1234.56"), the recipient from its columns.
// When `valid` is false, `fields` holds what could be read; do not use it.
struct RecordEntry {
  nlohmann::json fields = nlohmann::json::object();
  std::uint64_t offset = 0;  // byte where its line or CSV row begins, for read_record_at
  std::string place;         // "line 17" (JSON Lines) or "row 5" (CSV; the header is row 1)
  std::string id;            // its "id" when that is a text that is not empty, else ""
  Recipient recipient;       // of the field "recipient", when valid
  bool valid = true;         // false when a problem was recorded for it
};

// Settles a record once its checks are done: valid when it was and no
// problem was added to `problems` since `before`; a valid record gets its
// recipient from the (checked) field "recipient".
void settle_record(RecordEntry& entry, std::size_t before, const std::vector<Diagnostic>& problems);

// The exact cents of a money value of a valid record (binary noise rounded
// away: 19.99 gives 1999).
std::int64_t money_cents(const nlohmann::json& amount);

}  // namespace kuvert

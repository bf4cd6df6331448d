#pragma once
// What became of a mail piece at the inserter (issue 15's reconciliation):
// as a results file names it.
#include <optional>
#include <string_view>

namespace kuvert {

enum class InsertStatus { ok, damaged, missing, pulled, duplicate, hand_mailed };

// "ok", "damaged", "missing", "pulled", "duplicate", "hand-mailed".
std::string_view name(InsertStatus status);
std::optional<InsertStatus> parse_insert_status(std::string_view text);

}  // namespace kuvert

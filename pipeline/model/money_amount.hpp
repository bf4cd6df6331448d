#pragma once
// The one rule for money amounts, which records deliver as JSON numbers in
// euros: ingest accepts a record's amount only if it has exact cents, and
// composing prints those cents, so both must agree.
#include <cstdint>
#include <optional>

namespace kuvert {

// The exact cents of an amount given as a JSON number in euros (1234.56 ->
// 123456). nullopt when the number was not written with at most two
// decimals (1.234, or 0.30000000000000004, the binary noise of 0.1 + 0.2),
// is beyond ±10^13 euros, or is not finite.
std::optional<std::int64_t> cents_of(double euros);

}  // namespace kuvert

#include "stages/ingest/record_entry.hpp"

#include "pipeline/model/money_amount.hpp"
#include "stages/ingest/json_fields.hpp"

namespace kuvert {

void settle_record(RecordEntry& entry, std::size_t before, const std::vector<Diagnostic>& problems) {
  entry.valid = entry.valid && problems.size() == before;
  if (!entry.valid) return;
  const auto recipient = entry.fields.find("recipient");
  if (recipient == entry.fields.end()) return;
  // Checked already: read as a job manifest's recipient, with nothing to report.
  std::vector<Diagnostic> none;
  entry.recipient = read_recipient(*recipient, {}, none);
}

std::int64_t money_cents(const nlohmann::json& amount) { return cents_of(amount.get<double>()).value_or(0); }

}  // namespace kuvert

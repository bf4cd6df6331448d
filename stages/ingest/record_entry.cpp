#include "stages/ingest/record_entry.hpp"

#include <cmath>

namespace kuvert {
namespace {

using nlohmann::json;

Recipient to_recipient(const json& value) {
  Recipient recipient;
  recipient.name = value.at("name").get<std::vector<std::string>>();
  recipient.street = value.at("street").get<std::string>();
  recipient.postcode = value.value("postcode", "");
  recipient.city = value.at("city").get<std::string>();
  recipient.country = value.value("country", "DE");
  return recipient;
}

}  // namespace

void settle_record(RecordEntry& entry, std::size_t before, const std::vector<Diagnostic>& problems) {
  entry.valid = entry.valid && problems.size() == before;
  const auto recipient = entry.fields.find("recipient");
  if (entry.valid && recipient != entry.fields.end()) entry.recipient = to_recipient(*recipient);
}

std::int64_t money_cents(const nlohmann::json& amount) {
  if (amount.is_number_integer()) return amount.get<std::int64_t>() * 100;
  return std::llround(amount.get<double>() * 100);
}

}  // namespace kuvert

#pragma once
// What planning keeps of a recipient. The full address stays in the job's
// manifest and is read back when a run's piece manifest is written, so a job
// of 100,000 letters holds 32 bytes per recipient instead of its address.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kuvert {

struct RecipientKey {
  // Digest of the client and the normalised address
  // (stages/ingest/address_key.hpp): equal digests, same recipient.
  std::array<std::uint8_t, 16> address{};
  // Presort order as bytes (see presort_key()), compared unsigned like the
  // UTF-8 text they come from.
  std::array<unsigned char, 16> presort{};

  bool domestic() const { return presort[0] == 0; }
  // The first two digits of a German postcode; empty for foreign mail.
  std::string leitregion() const;
  friend bool operator==(const RecipientKey&, const RecipientKey&) = default;
};

// Domestic mail sorts first by postcode (which orders it by Leitregion too):
// 0, two zero bytes, the postcode. Foreign mail follows, by country and then
// postcode: 1, the country code, the postcode. Only the first 13 bytes of a
// postcode count (the longest in use have 10); the rest is zero.
std::array<unsigned char, 16> presort_key(std::string_view postcode, std::string_view country);

}  // namespace kuvert

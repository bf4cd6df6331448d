#include "stages/ingest/address_key.hpp"

#include <sodium.h>

#include "pipeline/model/utf8.hpp"

// Folding works on code points so that "MÜLLER" and "Müller" meet; the case
// table covers Latin-1 and Latin Extended-A, which spans the German alphabet
// and the names of the neighbouring countries. Punctuation becomes a space
// rather than vanishing: dropping it would make house numbers "5-7" and "57"
// the same address and put two households' letters in one envelope.

namespace kuvert {
namespace {

char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // À..Þ without ×
  if (c == 0x1E9E) return 0xDF;                              // ẞ -> ß
  if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;  // Ā..ķ
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;  // Ĺ..ň
  if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;  // Ŋ..ŷ
  if (c == 0x178) return 0xFF;                               // Ÿ -> ÿ
  if (c >= 0x179 && c <= 0x17E && c % 2 == 1) return c + 1;  // Ź..ž
  return c;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0xA0;
}

bool is_punctuation(char32_t c) {
  if (c < 0x80)
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
  return (c >= 0x2010 && c <= 0x2027) ||  // dashes, quotes, bullets, ellipsis
         c == 0xAB || c == 0xBB || c == 0xB7;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp != kNotUtf8 && (is_space(cp) || is_punctuation(cp))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    if (cp == kNotUtf8)
      out.append(text.substr(start, pos - start));
    else
      append_utf8(out, lower(cp));
  }
  return out;
}

std::string fold_street(std::string_view street) {
  const std::string folded = fold_text(street);
  std::string out;
  std::size_t start = 0;
  while (start <= folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    std::string word = folded.substr(start, end - start);
    for (std::size_t at = word.find("strasse"); at != std::string::npos; at = word.find("strasse", at))
      word.replace(at, 7, "straße");
    if (ends_with(word, "str")) word += "aße";
    if (!out.empty()) out += ' ';
    out += word;
    start = end + 1;
  }
  return out;
}

AddressKey address_key(const std::string& client, const Recipient& recipient) {
  AddressKey key;
  key.client = client;
  for (const auto& line : recipient.name) {
    const std::string folded = fold_text(line);
    if (folded.empty()) continue;
    if (!key.name.empty()) key.name += ' ';
    key.name += folded;
  }
  key.street = fold_street(recipient.street);
  for (const char c : recipient.postcode)
    if (c != ' ') key.postcode += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 0x20) : c;
  key.city = fold_text(recipient.city);
  key.country = fold_text(recipient.country);
  return key;
}

RecipientKey recipient_key(const std::string& client, const Recipient& recipient) {
  static const bool sodium_ready = sodium_init() >= 0;  // picks the fastest BLAKE2b for this CPU
  (void)sodium_ready;
  const AddressKey key = address_key(client, recipient);
  crypto_generichash_state state;
  RecipientKey result;
  crypto_generichash_init(&state, nullptr, 0, result.address.size());
  // Each field with its length first, so that no two different keys hash
  // the same bytes ("ab" + "c" and "a" + "bc").
  for (const std::string* field : {&key.client, &key.name, &key.street, &key.postcode, &key.city, &key.country}) {
    const std::uint64_t length = field->size();
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&length), sizeof length);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field->data()), field->size());
  }
  crypto_generichash_final(&state, result.address.data(), result.address.size());
  result.presort = presort_key(recipient.postcode, recipient.country);
  return result;
}

}  // namespace kuvert

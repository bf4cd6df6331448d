#pragma once
// The key under which documents are consolidated: the same client writing to
// the same recipient, however the specialist application spelt the address.
// Two documents go into one envelope only when their keys are equal, so the
// normalisation errs on the side of keeping letters apart: it folds case and
// spacing, never letters into other letters (no "ue" = "ü").
#include <compare>
#include <string>
#include <string_view>

#include "pipeline/model/recipient.hpp"
#include "pipeline/model/recipient_key.hpp"

namespace kuvert {

struct AddressKey {
  std::string client;
  std::string name;  // the name lines, folded and joined by one space
  std::string street;
  std::string postcode;  // spaces removed, capitals
  std::string city;
  std::string country;
  friend auto operator<=>(const AddressKey&, const AddressKey&) = default;
};

// UTF-8 text folded for comparison: lower case (Latin-1 and Latin
// Extended-A, so "Ä" -> "ä", "ẞ" -> "ß"), punctuation turned into word breaks
// ("5-7" stays apart from "57"), whitespace collapsed to single spaces and
// trimmed. Bytes that are not valid UTF-8 are kept as they are.
std::string fold_text(std::string_view text);

// fold_text plus the spellings of "Straße": "strasse" anywhere, and a word
// ending in "str" or "str." ("Hauptstr. 5", "Hauptstr.5") become "straße".
std::string fold_street(std::string_view street);

AddressKey address_key(const std::string& client, const Recipient& recipient);

// What planning keeps of a recipient: a 128-bit BLAKE2b digest of its
// address key (a chance collision among 10^9 documents is below 10^-20) and
// its presort key.
RecipientKey recipient_key(const std::string& client, const Recipient& recipient);

}  // namespace kuvert

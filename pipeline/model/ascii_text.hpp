#pragma once
// Text for machines that read ASCII only (fixed-width control files): the
// German letters spelt out as German does without them (ä ae, ö oe, ü ue,
// ß ss, capitals alike); nothing when another character is not ASCII or
// not printable.
#include <optional>
#include <string>
#include <string_view>

namespace kuvert {

std::optional<std::string> german_ascii(std::string_view utf8);

}  // namespace kuvert

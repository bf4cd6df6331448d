#pragma once
// What a mistyped word most likely meant: a manifest key ("recipent"), a
// subcommand ("rn"). Pure; for suggestions in messages.
#include <optional>
#include <string>
#include <vector>

namespace kuvert {

// The candidate closest to `word` in edits (a letter added, dropped,
// changed, or two swapped), if it is close enough to suggest: at most one
// edit for words up to 4 letters, two above; ties go to the earlier
// candidate. Nothing for an exact match.
std::optional<std::string> likely_meant(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace kuvert

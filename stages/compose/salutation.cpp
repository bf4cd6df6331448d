#include "stages/compose/salutation.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

#include "stages/compose/words.hpp"

namespace kuvert::compose {
namespace {

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

using Words = std::vector<std::string_view>;

bool listed(const std::vector<std::string>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// How many of `words` (from the first) the phrase `when` takes, if it
// opens them; its words compared without regard to ASCII case.
std::size_t opening(const Words& words, std::string_view when) {
  const auto phrase = words_of(when);
  if (phrase.empty() || phrase.size() > words.size()) return 0;
  for (std::size_t i = 0; i < phrase.size(); ++i)
    if (!same_letters(words[i], phrase[i])) return 0;
  return phrase.size();
}

std::string joined(const Words& words, std::size_t from, std::size_t to) {
  std::string text;
  for (std::size_t i = from; i < to; ++i) {
    if (!text.empty()) text += ' ';
    text += words[i];
  }
  return text;
}

// "Dr. Erika Süß" -> "Dr. Süß": the titles before the surname, and the
// surname: the last word with the particles before it, or, for "Süß,
// Erika", what stands before the comma. Nothing when no surname is left.
std::optional<std::string> titles_and_surname(const SalutationRules& rules, std::string_view name) {
  const auto comma = name.find(',');
  const auto words = words_of(name.substr(0, comma));
  Words titles;
  std::size_t first = 0;  // of the surname
  if (comma != std::string::npos) {
    while (first < words.size() && listed(rules.titles, words[first])) titles.push_back(words[first++]);
    for (const auto& word : words_of(name.substr(comma + 1)))  // "Süß, Dr. Erika"
      if (listed(rules.titles, word)) titles.push_back(word);
  } else if (!words.empty()) {
    first = words.size() - 1;
    while (first > 0 && listed(rules.particles, words[first - 1])) --first;
    for (std::size_t i = 0; i < first; ++i)
      if (listed(rules.titles, words[i])) titles.push_back(words[i]);
  }
  if (first == words.size() || listed(rules.titles, words.back())) return std::nullopt;
  const std::string surname = joined(words, first, words.size());
  titles.push_back(surname);
  return joined(titles, 0, titles.size());
}

std::string filled(std::string text, const std::string& name) {
  for (auto at = text.find("{name}"); at != std::string::npos; at = text.find("{name}", at + name.size()))
    text.replace(at, 6, name);
  return text;
}

}  // namespace

std::string salutation_for(const SalutationRules& rules, const std::vector<std::string>& name_lines) {
  if (rules.line == 0 || name_lines.size() < rules.line) return rules.fallback;
  const auto words = words_of(name_lines[rules.line - 1]);
  const SalutationRule* chosen = nullptr;
  std::size_t taken = 0;
  for (const auto& rule : rules.rules)
    for (const auto& when : rule.when)
      if (const std::size_t length = opening(words, when); length > taken) {
        chosen = &rule;
        taken = length;
      }
  if (chosen == nullptr) return rules.fallback;
  std::string rest = joined(words, taken, words.size());
  if (rest.empty() && name_lines.size() > rules.line) rest = name_lines[rules.line];
  // "Herrn Hans und Frau Maria Müller" names two people, whom no one rule
  // greets: another form of address before the surname.
  const auto rest_words = words_of(std::string_view(rest).substr(0, rest.find(',')));
  for (std::size_t i = 0; i + 1 < rest_words.size(); ++i)
    for (const auto& rule : rules.rules)
      for (const auto& when : rule.when)
        if (opening({rest_words.begin() + static_cast<std::ptrdiff_t>(i), rest_words.end()}, when) > 0)
          return rules.fallback;
  const auto name = titles_and_surname(rules, rest);
  return name ? filled(chosen->text, *name) : rules.fallback;
}

}  // namespace kuvert::compose

#include "pipeline/model/run_number.hpp"

#include <algorithm>
#include <charconv>

#include "pipeline/model/concat.hpp"
#include "pipeline/model/reprint_order.hpp"

namespace kuvert {

std::string run_number(std::int64_t job, std::string_view run) { return concat("J", std::to_string(job), "-", run); }

std::optional<RunNumber> parse_run_number(std::string_view text) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto dash = text.find('-');
  if (dash == std::string_view::npos || dash < 2 || (text[0] != 'J' && text[0] != 'j')) return std::nullopt;
  const std::string_view job = text.substr(1, dash - 1), run = text.substr(dash + 1);
  if (job[0] == '0' || !std::all_of(job.begin(), job.end(), is_digit)) return std::nullopt;
  // R: a job's runs; N: its reprints (reprint_order.hpp).
  const char letter = static_cast<char>(run.empty() ? 0 : run[0] & ~0x20);
  if (run.size() < 5 || (letter != 'R' && letter != kReprintRunLetter) ||
      !std::all_of(run.begin() + 1, run.end(), is_digit))
    return std::nullopt;
  RunNumber number;
  const auto [end, error] = std::from_chars(job.data(), job.data() + job.size(), number.job);
  if (error != std::errc() || end != job.data() + job.size()) return std::nullopt;
  number.run = concat(std::string(1, letter), run.substr(1));
  return number;
}

}  // namespace kuvert

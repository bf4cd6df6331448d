#include "pipeline/model/run_number.hpp"

#include <algorithm>
#include <charconv>

#include "pipeline/model/concat.hpp"

namespace kuvert {

std::string run_number(std::int64_t job, std::string_view run) { return concat("J", std::to_string(job), "-", run); }

std::optional<RunNumber> parse_run_number(std::string_view text) {
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto dash = text.find('-');
  if (dash == std::string_view::npos || dash < 2 || (text[0] != 'J' && text[0] != 'j')) return std::nullopt;
  const std::string_view job = text.substr(1, dash - 1), run = text.substr(dash + 1);
  if (job[0] == '0' || !std::all_of(job.begin(), job.end(), is_digit)) return std::nullopt;
  if (run.size() < 5 || (run[0] != 'R' && run[0] != 'r') || !std::all_of(run.begin() + 1, run.end(), is_digit))
    return std::nullopt;
  RunNumber number;
  const auto [end, error] = std::from_chars(job.data(), job.data() + job.size(), number.job);
  if (error != std::errc() || end != job.data() + job.size()) return std::nullopt;
  number.run = concat("R", run.substr(1));
  return number;
}

}  // namespace kuvert

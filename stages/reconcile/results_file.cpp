#include "stages/reconcile/results_file.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "pipeline/model/concat.hpp"
#include "pipeline/model/csv_rows.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/plain_text.hpp"
#include "pipeline/model/utf8.hpp"

namespace kuvert {
namespace {

constexpr std::size_t kMaxIdBytes = 64;

enum Column { piece, status, time, station, note, run, kColumns };
constexpr std::array<const char*, kColumns> kColumnNames{"piece", "status", "time", "station", "note", "run"};

// What is wrong with a piece or run id, or nothing: ids are what kuvert
// writes into codes, letters, digits, '-', '_' and '.'.
std::optional<std::string> id_problem(const std::string& id) {
  if (id.empty()) return "is empty";
  if (id.size() > kMaxIdBytes) return "is longer than " + std::to_string(kMaxIdBytes) + " bytes: no id kuvert writes";
  const auto bad = std::find_if_not(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
  });
  if (bad != id.end()) return concat("\"", id, "\" is no id kuvert writes (letters, digits, - _ . only)");
  return std::nullopt;
}

class ResultsReader {
 public:
  ResultsReader(const std::string& file, const std::function<void(const ResultEvent&)>& each)
      : file_(file), each_(each) {}

  ResultsReading read(std::istream& in) {
    CsvRowReader rows(in, skip_bom(in));
    CsvRow row;
    while (rows.next(row)) {
      if (++line_ > kMaxResultsLines) {
        problem("", "the file goes on past " + std::to_string(kMaxResultsLines) + " lines, the most one may hold");
        break;
      }
      if (row.blank()) continue;
      if (!row.problem.empty()) {
        problem("", row.problem);
      } else if (rows.offset() - row.offset > kMaxResultsLineBytes) {
        problem("", "is longer than " + std::to_string(kMaxResultsLineBytes) + " bytes");
      } else if (!started_) {
        start(row.cells);
      } else if (reading_.form == ResultsForm::reprint_list) {
        listed(row.cells);
      } else {
        event(row.cells);
      }
    }
    if (!started_) problem("", "holds no results");
    if (unlisted_ > 0)
      reading_.problems.push_back(
          {Where{.file = file_}, std::to_string(unlisted_) + " more problems, not listed: correct these first"});
    return std::move(reading_);
  }

 private:
  void problem(const char* field, std::string message) {
    if (reading_.problems.size() >= kMaxResultsProblems) {
      ++unlisted_;
      return;
    }
    reading_.problems.push_back(
        {Where{.file = file_, .record = "line " + std::to_string(line_), .field = field}, std::move(message)});
  }

  // The first line: a header, or already the first id of a reprint list.
  void start(const std::vector<std::string>& cells) {
    started_ = true;
    if (cells.size() == 1 && cells[0] != kColumnNames[piece]) {
      reading_.form = ResultsForm::reprint_list;
      listed(cells);
      return;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const auto known = std::find(kColumnNames.begin(), kColumnNames.end(), cells[i]);
      if (known == kColumnNames.end()) {
        problem(cells[i].c_str(), "is not a column of a results file (piece, status, time, station, note, run)");
      } else if (columns_[known - kColumnNames.begin()]) {
        problem(cells[i].c_str(), "is a column twice");
      } else {
        columns_[known - kColumnNames.begin()] = i;
      }
    }
    width_ = cells.size();
    for (const Column required : {piece, status})
      if (!columns_[required])
        problem(kColumnNames[required], "is a column every results file has; the header lacks it");
  }

  void listed(const std::vector<std::string>& cells) {
    if (cells.size() != 1) return problem("", "a reprint list holds one piece id a line, nothing else");
    if (const auto bad = id_problem(cells[0])) return problem("piece", *bad);
    deliver({line_, cells[0], InsertStatus::damaged, "", "", "", ""});
  }

  void event(const std::vector<std::string>& cells) {
    if (!columns_[piece] || !columns_[status]) return;  // the header was refused
    if (cells.size() != width_)
      return problem(
          "", "has " + std::to_string(cells.size()) + " fields where the header names " + std::to_string(width_));
    const auto cell = [&](Column column) { return columns_[column] ? cells[*columns_[column]] : std::string(); };
    const auto before = reading_.problems.size() + unlisted_;
    ResultEvent event{.line = line_, .piece = cell(piece)};
    if (const auto bad = id_problem(event.piece)) problem("piece", *bad);
    if (const auto status_read = parse_insert_status(cell(status)))
      event.status = *status_read;
    else
      problem("status",
              concat("\"", cell(status), "\" is not one of ok, damaged, missing, pulled, duplicate, hand-mailed"));
    event.time = cell(time);
    if (!event.time.empty() && !is_iso_date_or_time(event.time))
      problem("time", concat("\"", event.time, "\" is not a time such as 2026-12-02T08:30:00Z"));
    event.run = cell(run);
    if (columns_[run])
      if (const auto bad = id_problem(event.run)) problem("run", *bad);
    for (const auto& [column, target] : {std::pair{station, &event.station}, std::pair{note, &event.note}}) {
      *target = cell(column);
      if (invalid_utf8_at(*target) != std::string::npos)
        problem(kColumnNames[column], "is not UTF-8 text; deliver the file in UTF-8");
      else if (const auto bad = plain_text_problem(*target))
        problem(kColumnNames[column], *bad);
    }
    if (reading_.problems.size() + unlisted_ == before) deliver(event);
  }

  void deliver(const ResultEvent& event) {
    ++reading_.events;
    each_(event);
  }

  const std::string& file_;
  const std::function<void(const ResultEvent&)>& each_;
  ResultsReading reading_;
  std::uint64_t line_ = 0;
  bool started_ = false;
  std::array<std::optional<std::size_t>, kColumns> columns_{};
  std::size_t width_ = 0;
  std::size_t unlisted_ = 0;
};

}  // namespace

ResultsReading read_results(std::istream& in, const std::string& file,
                            const std::function<void(const ResultEvent&)>& each) {
  return ResultsReader(file, each).read(in);
}

}  // namespace kuvert

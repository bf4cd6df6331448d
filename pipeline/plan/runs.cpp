#include "pipeline/plan/runs.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "pipeline/plan/presort.hpp"

namespace kuvert {
namespace {

struct Group {
  RunSettings settings;
  std::vector<MailPiece> pieces;
};

// Cuts one presorted group into runs of at most `max_sheets` sheets.
void split_into(std::vector<PrintRun>& runs, Group group, std::size_t max_sheets) {
  const std::size_t first = runs.size();
  bool open = false;
  std::size_t sheets = 0;
  for (auto& piece : group.pieces) {
    const std::size_t piece_sheets = piece.sheets.size();
    if (!open || sheets + piece_sheets > max_sheets) {
      runs.push_back(PrintRun{"", group.settings, 1, 1, {}});
      open = true;
      sheets = 0;
    }
    sheets += piece_sheets;
    runs.back().pieces.push_back(std::move(piece));
  }
  for (std::size_t i = first; i < runs.size(); ++i) {
    runs[i].pieces.shrink_to_fit();
    runs[i].part = i - first + 1;
    runs[i].parts = runs.size() - first;
  }
}

}  // namespace

RunSettings run_settings(const MailPiece& piece) {
  const auto& s = piece.settings();
  return {s.paper, s.sides, piece.envelope, s.inserter, piece.inserts, piece.manual};
}

std::string run_id(std::size_t number) {
  char text[32];
  std::snprintf(text, sizeof text, "R%04zu", number);
  return text;
}

std::string piece_id(const std::string& run, std::uint32_t sequence) {
  char text[16];
  std::snprintf(text, sizeof text, "-%06u", static_cast<unsigned>(sequence));
  return run + text;
}

std::vector<PrintRun> form_runs(std::vector<MailPiece> pieces, std::size_t max_sheets) {
  // Few distinct settings per job, so a linear search keeps first-appearance
  // order without an index.
  std::vector<Group> groups;
  for (auto& piece : pieces) {
    RunSettings settings = run_settings(piece);
    auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.settings == settings; });
    if (group == groups.end()) group = groups.insert(groups.end(), Group{std::move(settings), {}});
    group->pieces.push_back(std::move(piece));
  }
  // The moved-from pieces still take their full size; a job's pieces are
  // the largest thing planning holds, so they are not kept twice.
  std::vector<MailPiece>().swap(pieces);
  std::stable_partition(groups.begin(), groups.end(), [](const Group& g) { return !g.settings.manual; });

  std::vector<PrintRun> runs;
  for (auto& group : groups) {
    presort(group.pieces);
    split_into(runs, std::move(group), max_sheets);
  }
  for (std::size_t r = 0; r < runs.size(); ++r) {
    PrintRun& run = runs[r];
    run.id = run_id(r + 1);
    std::uint32_t sequence = 0;
    for (auto& piece : run.pieces) {
      piece.sequence = ++sequence;
      piece.id = piece_id(run.id, piece.sequence);
    }
  }
  return runs;
}

}  // namespace kuvert

#include "pipeline/plan/runs.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "pipeline/plan/presort.hpp"

namespace kuvert {
namespace {

// Pieces with the same run settings, as indices into the job's pieces.
struct Group {
  RunSettings settings;
  std::vector<std::size_t> members;
};

// Cuts one presorted group into runs of at most `max_sheets` sheets, moving
// its pieces into them (each run's array sized exactly once).
void split_into(std::vector<PrintRun>& runs, const Group& group, std::vector<MailPiece>& pieces,
                std::size_t max_sheets) {
  std::vector<std::size_t> cuts;  // positions in group.members where a run begins
  std::size_t sheets = 0;
  for (std::size_t i = 0; i < group.members.size(); ++i) {
    const std::size_t piece_sheets = pieces[group.members[i]].sheets.size();
    if (cuts.empty() || sheets + piece_sheets > max_sheets) {
      cuts.push_back(i);
      sheets = 0;
    }
    sheets += piece_sheets;
  }
  cuts.push_back(group.members.size());
  for (std::size_t part = 0; part + 1 < cuts.size(); ++part) {
    PrintRun run{"", group.settings, part + 1, cuts.size() - 1, {}};
    run.pieces.reserve(cuts[part + 1] - cuts[part]);
    for (std::size_t i = cuts[part]; i < cuts[part + 1]; ++i) run.pieces.push_back(std::move(pieces[group.members[i]]));
    runs.push_back(std::move(run));
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
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    RunSettings settings = run_settings(pieces[i]);
    auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.settings == settings; });
    if (group == groups.end()) group = groups.insert(groups.end(), Group{std::move(settings), {}});
    group->members.push_back(i);
  }
  std::stable_partition(groups.begin(), groups.end(), [](const Group& g) { return !g.settings.manual; });

  std::vector<PrintRun> runs;
  for (auto& group : groups) {
    presort(group.members, pieces);
    split_into(runs, group, pieces, max_sheets);
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

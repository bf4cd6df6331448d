#include "stages/plan/runs.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "stages/plan/pieces.hpp"
#include "stages/plan/presort.hpp"

namespace kuvert {
namespace {

// Pieces with the same run settings, as indices into the job's pieces.
struct Group {
  RunSettings settings;
  std::vector<std::uint32_t> members;
};

// Cuts one presorted group into runs of at most `max_sheets` sheets.
void split_into(std::vector<PrintRun>& runs, Group& group, const PieceDocuments& pieces,
                const std::vector<std::uint32_t>& sheets, std::size_t max_sheets) {
  std::vector<std::size_t> cuts;  // positions in group.members where a run begins
  std::size_t run_sheets = 0;
  for (std::size_t i = 0; i < group.members.size(); ++i) {
    const std::size_t piece_sheets = sheets[group.members[i]];
    if (cuts.empty() || run_sheets + piece_sheets > max_sheets) {
      cuts.push_back(i);
      run_sheets = 0;
    }
    run_sheets += piece_sheets;
  }
  cuts.push_back(group.members.size());
  for (std::size_t part = 0; part + 1 < cuts.size(); ++part) {
    PrintRun run{"", group.settings, part + 1, cuts.size() - 1, {}, 0};
    for (std::size_t i = cuts[part]; i < cuts[part + 1]; ++i) {
      const std::uint32_t piece = group.members[i];
      run.pieces.add_piece();
      for (const auto document : pieces[piece]) run.pieces.add_document(document);
      run.sheet_count += sheets[piece];
    }
    runs.push_back(std::move(run));
  }
  group.members = std::vector<std::uint32_t>();  // give the memory back before the next group
}

}  // namespace

RunSettings run_settings(const MailPiece& piece) {
  const auto& s = piece.settings();
  return {s.paper, s.sides, piece.envelope, s.inserter, piece.inserts, piece.manual};
}

std::string run_id(std::size_t number, char letter) {
  char text[32];
  std::snprintf(text, sizeof text, "%c%04zu", letter, number);
  return text;
}

std::string piece_id(const std::string& run, std::uint32_t sequence) {
  char text[16];
  std::snprintf(text, sizeof text, "-%06u", static_cast<unsigned>(sequence));
  return run + text;
}

std::vector<PrintRun> form_runs(const Job& job, const PieceDocuments& pieces, const ProfileCatalog& catalog,
                                const PlanOptions& options) {
  // Few distinct settings per job, so a linear search keeps first-appearance
  // order without an index.
  std::vector<Group> groups;
  std::vector<std::uint32_t> sheets(pieces.size());
  for (std::uint32_t i = 0; i < pieces.size(); ++i) {
    const MailPiece piece = make_piece(job, pieces[i], catalog);
    sheets[i] = static_cast<std::uint32_t>(piece.sheet_count);
    RunSettings settings = run_settings(piece);
    auto group = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.settings == settings; });
    if (group == groups.end()) group = groups.insert(groups.end(), Group{std::move(settings), {}});
    group->members.push_back(i);
  }
  std::stable_partition(groups.begin(), groups.end(), [](const Group& g) { return !g.settings.manual; });

  std::vector<PrintRun> runs;
  for (auto& group : groups) {
    presort(group.members, pieces, job);
    split_into(runs, group, pieces, sheets, options.max_sheets);
  }
  for (std::size_t r = 0; r < runs.size(); ++r) runs[r].id = run_id(options.first_run + r, options.run_letter);
  return runs;
}

}  // namespace kuvert

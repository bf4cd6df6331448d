#include "pipeline/profiles/profile_readers.hpp"
#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {

std::map<std::string, PaperProfile> read_papers(const toml::table& document, const std::string& file,
                                                std::vector<Diagnostic>& problems) {
  std::map<std::string, PaperProfile> papers;
  TomlFields stocks(document, in_file(file), problems);
  for (const auto& [key, node] : document) {
    const std::string name(key.str());
    const toml::table* table = stocks.table(name);
    if (!table) continue;
    TomlFields fields(*table, stocks.at(name), problems);
    PaperProfile paper;
    paper.name = name;
    const auto weight = fields.positive("sheet_weight_g");
    const auto thickness = fields.positive("sheet_thickness_mm");
    fields.reject_unknown();
    if (!weight || !thickness) continue;
    paper.sheet_weight_g = *weight;
    paper.sheet_thickness_mm = *thickness;
    papers.emplace(name, paper);
  }
  if (document.empty()) problems.push_back({in_file(file), "defines no paper"});
  return papers;
}

}  // namespace kuvert

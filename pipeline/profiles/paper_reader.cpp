#include "pipeline/profiles/profile_readers.hpp"
#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {
namespace {

std::optional<PaperProfile> read_paper(TomlFields& fields, const std::string& name) {
  const auto weight = fields.positive("sheet_weight_g");
  const auto thickness = fields.positive("sheet_thickness_mm");
  fields.reject_unknown();
  if (!weight || !thickness) return std::nullopt;
  return PaperProfile{name, *weight, *thickness};
}

}  // namespace

std::map<std::string, PaperProfile> read_papers(const toml::table& document, const std::string& file,
                                                std::vector<Diagnostic>& problems) {
  return read_stocks<PaperProfile>(document, file, "paper", problems, read_paper);
}

}  // namespace kuvert

#include "pipeline/profiles/load_fonts.hpp"

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/toml_fields.hpp"
#include "pipeline/profiles/toml_files.hpp"

namespace kuvert {

namespace fs = std::filesystem;

FontCatalog load_fonts(const fs::path& fonts_dir) {
  const std::string file = "fonts.toml";
  std::vector<Diagnostic> problems;
  TomlFiles files(fonts_dir, problems);
  FontCatalog catalog;
  if (const auto document = files.parse(file)) {
    TomlFields top(*document, in_file(file), problems);
    const auto common = top.texts("fallback", false).value_or(std::vector<std::string>{});
    for (const auto& [key, node] : *document) {
      const std::string name(key.str());
      if (name == "fallback") continue;
      const toml::table* table = top.table(name);
      if (!table) continue;
      TomlFields fields(*table, top.at(name), problems);
      FontSpec spec{name, {}, {}};
      if (const auto path = fields.text("file")) {
        spec.file = fs::absolute(fonts_dir / *path);  // an absolute path stays as it is
        std::error_code error;
        if (!fs::is_regular_file(spec.file, error))
          fields.problem("file", "\"" + spec.file.string() + "\" is not there (is its font package installed?)");
      }
      spec.fallback = fields.texts("fallback", false).value_or(common);
      fields.reject_unknown();
      catalog.fonts.emplace(name, std::move(spec));
    }
    if (catalog.fonts.empty()) problems.push_back({in_file(file), "defines no fonts"});
    for (const auto& [name, spec] : catalog.fonts)
      for (const auto& other : spec.fallback)
        if (!catalog.fonts.count(other))
          problems.push_back(
              {in_file(file, name + ".fallback"), "names \"" + other + "\", which is no font of the file"});
  }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return catalog;
}

}  // namespace kuvert

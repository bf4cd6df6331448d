#include "pipeline/profiles/load_scan_profile.hpp"

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/toml_fields.hpp"
#include "pipeline/profiles/toml_files.hpp"

namespace kuvert {

ScanProfile load_scan_profile(const std::filesystem::path& layouts_dir, const std::string& name) {
  ScanProfile initial;
  initial.name = name;
  return read_toml_file(layouts_dir, "scan/" + name + ".toml", initial, [](TomlFields& top, ScanProfile& profile) {
    if (top.has("languages")) profile.languages = top.text("languages").value_or(profile.languages);
    for (auto [key, target] : {std::pair{"deskew", &profile.deskew}, std::pair{"orient", &profile.orient},
                               std::pair{"drop_blank_pages", &profile.drop_blank_pages}})
      if (top.has(key)) *target = top.flag(key).value_or(*target);
    if (top.has("blank_ink_share")) profile.blank_ink_share = top.number("blank_ink_share", 0, 0.05).value_or(0.0005);
    if (top.has("separation"))
      profile.separation =
          top.choice<ScanSeparation>("separation", {{"separator_sheet", ScanSeparation::separator_sheet},
                                                    {"blank_page", ScanSeparation::blank_page},
                                                    {"page_count", ScanSeparation::page_count}})
              .value_or(ScanSeparation::separator_sheet);
    if (top.has("separator_prefix")) profile.separator_prefix = top.text("separator_prefix").value_or("");
    if (top.has("pages_per_document"))
      profile.pages_per_document = static_cast<std::uint32_t>(top.integer("pages_per_document", 1, 10000).value_or(1));
    if (top.has("jpeg_quality"))
      profile.jpeg_quality = static_cast<int>(top.integer("jpeg_quality", 10, 100).value_or(75));
    if (top.has("min_dpi")) profile.min_dpi = static_cast<int>(top.integer("min_dpi", 70, 2400).value_or(200));
    if (top.has("max_dpi")) profile.max_dpi = static_cast<int>(top.integer("max_dpi", 70, 2400).value_or(600));
    if (profile.max_dpi < profile.min_dpi)
      top.problem("max_dpi", "must be at least min_dpi (" + std::to_string(profile.min_dpi) + ")");
    each_table(top, "fields", false, [&](TomlFields& rule) {
      ScanFieldRule spec;
      spec.name = rule.text("name").value_or("");
      spec.pattern = rule.text("pattern").value_or("");
      if (rule.has("iban")) spec.iban = rule.flag("iban").value_or(false);
      if (!spec.pattern.empty()) compile_pattern(rule, "pattern", spec.pattern, "");
      profile.fields.push_back(std::move(spec));
    });
  });
}

}  // namespace kuvert

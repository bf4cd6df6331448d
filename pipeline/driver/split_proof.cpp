#include "pipeline/driver/split_proof.hpp"

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/proof_file.hpp"
#include "pipeline/model/concat.hpp"
#include "pipeline/pdf/source_pdf.hpp"
#include "pipeline/profiles/load_fonts.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxLabel = 90;  // characters of a value shown beside its region

std::string shortened(const std::string& text) {
  if (text.size() <= kMaxLabel) return text;
  std::size_t cut = kMaxLabel;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return text.substr(0, cut) + "...";
}

// What the profile read on a document's first page, and what it found.
std::vector<ProofZone> split_zones(const SplitProfile& profile, const split::SplitDocument& document) {
  std::vector<ProofZone> zones;
  std::string address;
  for (const auto& line : document.recipient_lines) address += (address.empty() ? "" : " | ") + line;
  zones.push_back({ZoneKind::address, split::recipient_zone(profile), false, false,
                   shortened(concat("recipient: ", address.empty() ? "nothing read" : address))});
  for (const auto& start : profile.starts) {
    if (start.kind != DocumentStart::Kind::text && start.kind != DocumentStart::Kind::pattern) continue;
    const std::string rule = start.kind == DocumentStart::Kind::text ? concat("text \"", start.text, "\"")
                                                                     : concat("pattern \"", start.pattern, "\"");
    zones.push_back({ZoneKind::split, start.region, false, true,
                     shortened(concat("start: ", rule, document.rule == rule ? " (started it)" : ""))});
  }
  if (!profile.counters.empty())
    zones.push_back({ZoneKind::split, profile.counters.front().region, false, true,
                     document.rule == "page counter" ? "page counter (started it)" : "page counter"});
  for (const auto& field : profile.fields) {
    const auto value = document.fields.find(field.name);
    const bool started = document.rule == concat("field change ", field.name);
    zones.push_back({ZoneKind::split, field.region, false, false,
                     shortened(concat(field.name, value == document.fields.end() ? ": not found" : " = ",
                                      value == document.fields.end() ? "" : value->second,
                                      started ? " (changed: started it)" : ""))});
  }
  return zones;
}

}  // namespace

void write_split_proof(const fs::path& target, const fs::path& fonts, const SplitProfile& profile,
                       const split::SplitOutcome& outcome, const fs::path& print_file, const std::string& name,
                       const std::string& created) {
  const fs::path absolute = fs::absolute(target).lexically_normal();
  std::error_code error;
  if (fs::exists(absolute, error))
    throw_input(Where{.file = absolute.string()}, "exists already; kuvert never overwrites output");
  // Made in a hidden folder beside it, and moved into place when whole.
  OutputFolder work(absolute.parent_path() / concat(".", absolute.filename().string(), ".split-proof"));
  const FontCatalog catalog = load_fonts(fonts);
  const compose::FontSet font_set(catalog, {"sans"});
  ProofFile proof(work.path() / "proof.pdf", font_set, concat("Split of ", name, " by ", profile.name), created);
  if (!outcome.problems.empty())
    proof.add_problems(concat("The split of ", name, " by \"", profile.name, "\" finds these problems"),
                       "kuvert split writes no job folder while they stand (unless the profile skips bad documents):",
                       outcome.problems);
  SourcePdf pages(print_file, name);
  for (const auto& document : outcome.documents)
    proof.add_page(pages, 0, document.first_page - 1, split_zones(profile, document));
  proof.finish();
  work.publish("proof.pdf", absolute);
}

}  // namespace kuvert

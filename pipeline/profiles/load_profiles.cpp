#include "pipeline/profiles/load_profiles.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

#include "pipeline/model/ascii_text.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/profiles/profile_readers.hpp"
#include "pipeline/profiles/toml_fields.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/profiles/toml_files.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;

void check_envelope_names(const InserterProfile& inserter, const std::string& file,
                          const std::map<std::string, EnvelopeProfile>& envelopes, std::vector<Diagnostic>& problems) {
  for (const auto& [key, name] :
       {std::pair{"folded_envelope", &inserter.folded_envelope}, std::pair{"flat_envelope", &inserter.flat_envelope}})
    if (!name->empty() && !envelopes.count(*name))
      problems.push_back({in_file(file, key), "\"" + *name + "\" is not in envelopes.toml"});
}

struct DatedTariff {
  std::string file;
  Tariff tariff;
};

// The tariff in force on `date`; records a problem when none is or when two
// start on the same day.
std::optional<Tariff> tariff_on(std::vector<DatedTariff> tariffs, const std::string& date,
                                std::vector<Diagnostic>& problems) {
  std::sort(tariffs.begin(), tariffs.end(),
            [](const auto& a, const auto& b) { return a.tariff.valid_from < b.tariff.valid_from; });
  for (std::size_t i = 1; i < tariffs.size(); ++i)
    if (tariffs[i].tariff.valid_from == tariffs[i - 1].tariff.valid_from) {
      problems.push_back({in_file(tariffs[i].file, "valid_from"), "is " + tariffs[i].tariff.valid_from + " as in " +
                                                                      tariffs[i - 1].file +
                                                                      "; only one tariff may start on a day"});
      return std::nullopt;
    }
  const DatedTariff* chosen = nullptr;
  for (const auto& candidate : tariffs)
    if (candidate.tariff.valid_from <= date) chosen = &candidate;
  if (!chosen) {
    problems.push_back({in_file("tariffs"), "has no tariff valid on " + date + " (the earliest starts on " +
                                                tariffs.front().tariff.valid_from + ")"});
    return std::nullopt;
  }
  return chosen->tariff;
}

bool fits_column(const std::string& name, std::size_t width) {
  const auto ascii = german_ascii(name);
  return ascii && ascii->size() <= width;
}

// An inserter's fixed-width control file has a column of its own for the
// envelope and the postage product: names that do not fit are refused now,
// not when a run is written.
void check_control_columns(const ProfileCatalog& catalog, std::vector<Diagnostic>& problems) {
  for (const auto& [name, inserter] : catalog.inserters) {
    if (inserter.control_files.pieces != ControlFormat::fixed) continue;
    const std::string file = "inserters/" + name + ".toml";
    for (const auto* envelope : {&inserter.folded_envelope, &inserter.flat_envelope})
      if (!fits_column(*envelope, kControlEnvelopeColumn))
        problems.push_back({in_file(file, "control_files.pieces"),
                            "is \"fixed\", but the envelope \"" + *envelope + "\" does not fit its column of " +
                                std::to_string(kControlEnvelopeColumn) + " ASCII characters"});
    for (const auto& product : catalog.tariff.products)
      if (!fits_column(product.name, kControlProductColumn))
        problems.push_back({in_file(file, "control_files.pieces"),
                            "is \"fixed\", but the postage product \"" + product.name + "\" (" +
                                catalog.tariff.name + ") does not fit its column of " +
                                std::to_string(kControlProductColumn) + " ASCII characters"});
  }
}

}  // namespace

ProfileCatalog load_profiles(const fs::path& layouts_dir, const std::string& production_date) {
  std::vector<Diagnostic> problems;
  const bool date_ok = is_iso_date(production_date);
  if (!date_ok)
    problems.push_back({in_file("", "production_date"), "\"" + production_date + "\" is not a date (yyyy-mm-dd)"});

  ProfileCatalog catalog;
  TomlFiles files(layouts_dir, problems);
  if (auto document = files.parse("papers.toml")) catalog.papers = read_papers(*document, "papers.toml", problems);
  // Inserters are checked against the envelopes only when those read cleanly;
  // otherwise a broken envelope would also show up as an unknown one.
  bool envelopes_sound = false;
  if (const auto document = files.parse("envelopes.toml")) {
    const std::size_t before = problems.size();
    catalog.envelopes = read_envelopes(*document, "envelopes.toml", problems);
    envelopes_sound = problems.size() == before;
  }

  for (const auto& file : files.list("inserters")) {
    auto document = files.parse(file);
    if (!document) continue;
    const std::string name = fs::path(file).stem().string();
    InserterProfile inserter = read_inserter(*document, name, file, problems);
    if (envelopes_sound) check_envelope_names(inserter, file, catalog.envelopes, problems);
    catalog.inserters.emplace(name, std::move(inserter));
  }

  const std::size_t problems_before_tariffs = problems.size();
  std::vector<DatedTariff> tariffs;
  for (const auto& file : files.list("tariffs"))
    if (auto document = files.parse(file)) tariffs.push_back({file, read_tariff(*document, file, problems)});
  // A tariff with problems may have no valid_from: choose only among sound files.
  if (date_ok && problems.size() == problems_before_tariffs && !tariffs.empty())
    if (auto tariff = tariff_on(std::move(tariffs), production_date, problems)) catalog.tariff = std::move(*tariff);
  check_control_columns(catalog, problems);

  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return catalog;
}

}  // namespace kuvert

#include "tools/sample_job/sample_records.hpp"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>

#include "tools/sample_job/sample_job.hpp"

namespace kuvert {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::size_t between(std::size_t low, std::size_t high, std::mt19937& random) {
  return std::uniform_int_distribution<std::size_t>(low, high)(random);
}

// Euros with two decimals, as a JSON number.
double euros(std::int64_t cents) { return static_cast<double>(cents) / 100.0; }

// The long names real addressees bring: wrapped in the address field, not
// cut, within the six lines the window of a C6/5 envelope shows.
Recipient with_long_name(Recipient recipient, std::mt19937& random) {
  switch (random() % 3) {
    case 0:
      recipient.name = {"Erbengemeinschaft nach Wilhelmine Musterfrau-Beispielhausen",
                        "vertreten durch Herrn RA Dr. Konstantin Vorlage"};
      break;
    case 1:
      recipient.name = {"Beispielhafte Grundstücksverwaltungsgesellschaft mbH & Co. KG", "z. Hd. Frau Platzhalter"};
      break;
    default:
      recipient.name = {"Frau", "Dr. Adelheid Freifrau von und zu Musterstein-Beispielsfelde"};
  }
  return recipient;
}

// Long names go to domestic addresses: abroad, the country line would push
// the longest of them past the address field's six lines.
Recipient addressee(const SampleRecordsOptions& options, std::mt19937& random) {
  if (chance(options.long_address_share, random)) return with_long_name(invent_recipient(random, 0), random);
  return invent_recipient(random, options.foreign_share);
}

// Item descriptions as a municipal tax office exports them: up to about
// 60 characters, wider than their column, with umlauts, parentheses,
// slashes and hyphenated compounds.
const char* const kTaxItems[] = {
    "Grundsteuer B (Wohngrundstück)",
    "Grundsteuer A (land- und forstwirtschaftliches Vermögen)",
    "Grundgebühr Abfallentsorgung je Haushalt",
    "Niederschlagswassergebühr (versiegelte Fläche)",
    "Straßenreinigung/Winterdienst, Frontmeter Anliegerstraße",
    "Restmüll-Behälter 120 l, 14-tägliche Leerung, Vollservice",
    "Schmutzwassergebühr nach Frischwassermaßstab (Vorauszahlung)",
    "Grundsteuer C (baureifes, unbebautes Grundstück)",
};

// A letter's table rows: as asked, or varied from `low` to `high`, and for
// a share of letters 30 to 90 over several pages (an owner of many
// parcels, a statement with back pay). The long share draws nothing when
// it is 0, so that letters made without it stay as they were.
std::size_t table_rows(const SampleRecordsOptions& options, std::size_t low, std::size_t high, std::mt19937& random) {
  if (options.items) return options.items;
  const std::size_t rows = between(low, high, random);
  return options.long_share > 0 && chance(options.long_share, random) ? between(30, 90, random) : rows;
}

json tax_record(std::size_t index, const SampleRecordsOptions& options, std::mt19937& random) {
  char id[32], reference[32];
  std::snprintf(id, sizeof id, "GS-2026-%06zu", index);
  std::snprintf(reference, sizeof reference, "K-2026-%06zu", index);
  const Recipient recipient = addressee(options, random);
  const std::size_t rows = table_rows(options, 1, 3, random);
  json items = json::array();
  std::int64_t total = 0;
  for (std::size_t row = 0; row < rows; ++row) {
    const std::int64_t base = static_cast<std::int64_t>(between(500, 90000, random));  // cents of the Messbetrag
    const int rate = row == 0 ? 480 : 350;                                             // Hebesatz in %
    const std::int64_t amount = base * rate / 100;
    total += amount;
    items.push_back({{"description", row == 0 ? kTaxItems[0] : kTaxItems[between(1, std::size(kTaxItems) - 1, random)]},
                     {"base", euros(base)},
                     {"rate", rate},
                     {"amount", euros(amount)}});
  }
  json record = {
      {"id", id},
      {"recipient", recipient_json(recipient)},
      {"reference", reference},
      {"year", 2026},
      {"date", "2026-11-22"},
      {"due_date", "2027-02-15"},
      {"property", recipient.street + ", Flur " + std::to_string(between(1, 12, random)) + ", Flurstück " +
                       std::to_string(between(1, 400, random)) + "/" + std::to_string(between(1, 9, random))},
      {"total", euros(total)},
      {"items", items}};
  if (chance(0.4, random)) record["iban"] = "DE02 1203 0000 0000 2020 51";
  return record;
}

json salary_record(std::size_t index, const SampleRecordsOptions& options, std::mt19937& random) {
  static const char* kWageTypes[][2] = {
      {"1000", "Grundgehalt"},
      {"1010", "Familienzuschlag"},
      {"1020", "Allgemeine Zulage"},
      {"1100", "Vermögenswirksame Leistung"},
      {"2000", "Lohnsteuer"},
      {"2010", "Solidaritätszuschlag"},
      {"2020", "Kirchensteuer"},
      {"3000", "Krankenversicherung"},
      {"3010", "Pflegeversicherung"},
      {"3020", "Rentenversicherung"},
      {"3030", "Arbeitslosenversicherung"},
      {"4000", "Zusatzversorgung"},
  };
  char id[32], personnel[16];
  std::snprintf(id, sizeof id, "BZ-2026-11-%06zu", index);
  std::snprintf(personnel, sizeof personnel, "P-%06zu", index);
  const Recipient recipient = addressee(options, random);
  const std::size_t rows = table_rows(options, 8, 12, random);
  json items = json::array();
  std::int64_t gross = 0, net = 0;
  for (std::size_t row = 0; row < rows; ++row) {
    const auto& type = kWageTypes[row % 12];
    const bool earning = type[0][0] == '1';
    const std::int64_t cents =
        static_cast<std::int64_t>(earning ? between(5000, 350000, random) : between(1000, 60000, random));
    gross += earning ? cents : 0;
    net += earning ? cents : -cents;
    items.push_back({{"code", type[0]}, {"description", type[1]}, {"amount", euros(earning ? cents : -cents)}});
  }
  json record = {{"id", id},
                 {"recipient", recipient_json(recipient)},
                 {"personnel_no", personnel},
                 {"period", "2026-11"},
                 {"gross", euros(gross)},
                 {"net", euros(net)},
                 {"bank_account", "DE89 3704 0044 0532 0130 00"},
                 {"items", items}};
  if (chance(0.8, random)) record["tax_class"] = std::to_string(between(1, 5, random));
  return record;
}

}  // namespace

void write_sample_records(const fs::path& folder, const SampleRecordsOptions& options) {
  const bool tax = options.layout == "grundsteuer";
  if (!tax && options.layout != "bezuege")
    throw std::invalid_argument("no generator for layout \"" + options.layout + "\" (grundsteuer, bezuege)");
  fs::create_directories(folder);
  std::mt19937 random(options.seed);
  {
    std::ofstream records(folder / "records.jsonl", std::ios::binary);
    for (std::size_t i = 1; i <= options.records; ++i)
      records << (tax ? tax_record(i, options, random) : salary_record(i, options, random)).dump() << '\n';
  }
  json manifest = {
      {"job",
       options.job.empty() ? (tax ? "musterstadt-grundsteuer-2026" : "nachbarstadt-bezuege-2026-11") : options.job},
      {"client", tax ? "musterstadt" : "nachbarstadt"},
      {"application", tax ? "steuer" : "bezuege"},
      {"layout", options.layout},
      {"records", "records.jsonl"},
      {"defaults", {{"paper", "a4-80"}, {"sides", "duplex"}, {"inserter", "generic-omr"}, {"envelope", "auto"}}}};
  if (options.skip_bad_records) manifest["on_bad_record"] = "skip";
  std::ofstream(folder / "job.json") << manifest.dump(2) << "\n";
}

namespace {

std::string xml_text(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

void write_xml(std::ostream& out, const std::string& name, const json& value) {
  out << '<' << name << '>';
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) write_xml(out, key, member);
  } else if (value.is_array()) {
    for (const auto& element : value) write_xml(out, element.is_string() ? "line" : "item", element);
  } else if (value.is_string()) {
    out << xml_text(value.get<std::string>());
  } else {
    out << value.dump();
  }
  out << "</" << name << '>';
}

}  // namespace

void write_records_xml(const fs::path& records, const fs::path& xml) {
  std::ifstream in(records, std::ios::binary);
  std::ofstream out(xml, std::ios::binary);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records>\n";
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    write_xml(out, "record", json::parse(line));
    out << '\n';
  }
  out << "</records>\n";
}

}  // namespace kuvert

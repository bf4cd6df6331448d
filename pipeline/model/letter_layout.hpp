#pragma once
// A letter layout for data jobs (layouts/letters/NAME.toml): which fields a
// record brings and how they become a DIN 5008 letter. Texts are templates:
// "{field}" is replaced by the record's field, formatted by its type
// (money "1.234,56 €", dates "22.11.2026", periods "November 2026");
// "{field:2}" gives a number two decimals.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/letter_form.hpp"

#include "pipeline/model/record_schema.hpp"

namespace kuvert {

// DIN 5008 text margins: the body runs 25 mm from the left edge to 20 mm
// from the right.
inline constexpr double kLetterLeftMarginMm = 25;
inline constexpr double kLetterRightMarginMm = 20;
inline constexpr double kLetterTextWidthMm = 210 - kLetterLeftMarginMm - kLetterRightMarginMm;

enum class Align { left, right };

struct InfoLine {
  std::string label;  // "Kassenzeichen"
  std::string value;  // template
};

// One block of the letter body, in order: a paragraph, or the table.
struct BodyBlock {
  std::string text;    // template; empty for the table
  bool table = false;  // the table goes here
  // Left out when the record has this (optional) field. A paragraph is also
  // left out when it names an optional field the record lacks.
  std::string unless;
};

struct TableColumn {
  std::string title;
  std::string value;  // template over the fields of one row
  double width_mm = 0;
  Align align = Align::left;
};

struct TableTotal {
  std::string label;
  std::string value;  // template over the record's fields
};

struct LetterTable {
  std::string rows;  // the record's list field
  std::vector<TableColumn> columns;
  std::vector<TableTotal> totals;
};

// A salutation chosen from the recipient's name lines ([salutation] of a
// letter layout, with the words of layouts/names.toml): the rule whose
// `when` phrase opens the name line `line` wins (the longest, if several
// do); its `text` has "{name}" replaced by the person's titles and surname,
// taken from the rest of that line or, when the phrase stands alone, the
// next line. Anything else, a company or a community of heirs, gets
// `fallback`.
struct SalutationRule {
  std::vector<std::string> when;  // "Frau"; "Herr", "Herrn"
  std::string text;               // "Sehr geehrte Frau {name},"
};

struct SalutationRules {
  std::size_t line = 1;  // the name line (from 1) that holds the form of address
  std::vector<SalutationRule> rules;
  std::string fallback;                // "Sehr geehrte Damen und Herren,"
  std::vector<std::string> titles;     // kept before the surname: "Dr.", "Prof."
  std::vector<std::string> particles;  // part of the surname: "von", "zu", "Freifrau"
};

struct LetterLayout {
  std::string name;
  LetterForm form = LetterForm::b;
  std::string font = "sans";
  std::string bold_font = "sans-bold";
  double size_pt = 10;
  double leading = 1.25;  // line distance as a multiple of the size
  // How far a wrapped line of the recipient's address is indented.
  double address_indent_mm = 0;
  bool sensitive = false;  // never consolidated; flagged in the manifest
  RecordSchema fields;
  std::vector<InfoLine> info;
  std::string subject;
  std::string salutation;  // a fixed template, unless there are rules
  std::optional<SalutationRules> salutation_rules;
  std::vector<BodyBlock> body;
  std::optional<LetterTable> table;
  std::vector<std::string> closing;
  // The German names of destination countries by ISO 3166-1 code, for the
  // last line of an address abroad (layouts/countries.toml).
  std::map<std::string, std::string> country_names;
};

// The sender: a municipality or office (layouts/clients.toml).
struct Client {
  std::string id;
  std::string name;                     // "Stadt Musterstadt"
  std::vector<std::string> letterhead;  // lines under the name: office, address
  std::string return_address;           // the line above the recipient
  std::vector<std::string> contact;     // telephone, mail, opening hours
  std::vector<std::string> bank;        // footer: bank, IBAN, BIC
  std::filesystem::path logo;           // a PNG for the letterhead, absolute; empty for none
};

}  // namespace kuvert

#pragma once
// Loads what data jobs are composed with:
//
//   layouts/letters/NAME.toml   a letter layout (see the shipped ones)
//   layouts/clients.toml        the senders, one table each
//
// Every problem of a file is reported at once, as load_profiles does.
#include <filesystem>
#include <map>
#include <string>

#include "pipeline/model/font_catalog.hpp"
#include "pipeline/model/letter_layout.hpp"

namespace kuvert {

// Throws Error(ErrorKind::input) listing every problem: Where::file the
// layout file relative to `layouts_dir` ("letters/grundsteuer.toml"),
// Where::field the key ("table.columns[1].value"). A layout that does not
// exist is the problem "is missing" of its file. Fonts must be in `fonts`;
// placeholders must name fields of the layout, of the table's rows inside
// table columns.
LetterLayout load_letter_layout(const std::filesystem::path& layouts_dir, const std::string& name,
                                const FontCatalog& fonts);

// layouts/clients.toml.
std::map<std::string, Client> load_clients(const std::filesystem::path& layouts_dir);

// layouts/countries.toml: the German name of each destination country by
// its ISO 3166-1 code, the last line of an address abroad. Throws
// Error(ErrorKind::input) listing every problem.
std::map<std::string, std::string> load_country_names(const std::filesystem::path& layouts_dir);

// layouts/postcodes.toml: the form of a postcode of more than one word by
// ISO code, a regular expression. Throws Error(ErrorKind::input) listing
// every problem (a code that is none, a pattern that is no expression).
std::map<std::string, std::string> load_postcode_forms(const std::filesystem::path& layouts_dir);

}  // namespace kuvert

#pragma once
// How a print file without an index is split into documents
// (layouts/splits/NAME.toml, issue 16): where a document starts, where its
// recipient stands, which further fields are read from its pages. Regions
// are in mm from the page's top-left corner; patterns are ECMAScript
// regular expressions whose first group (or whole match) is the value.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/letter_layout.hpp"

namespace kuvert {

// A rule that says a page is a document's first.
struct DocumentStart {
  enum class Kind {
    text,          // `text` stands in `region` (the region's text contains it)
    pattern,       // `pattern` matches the region's text
    field_change,  // field `field` has another value than on the page before
    page_counter,  // the page counter reads page 1 ("Seite 1 von 3")
    every,         // every `pages` pages
  };
  Kind kind = Kind::text;
  std::string text;
  std::string pattern;
  RectMm region;
  std::string field;
  std::uint32_t pages = 0;
};

// "Seite 2 von 3": a pattern with two groups, this page's number and the
// document's pages, in a region; checked on every page once given.
struct PageCounter {
  std::string pattern;
  RectMm region;
};

// A value read from a document's pages.
struct SplitField {
  std::string name;
  std::string pattern;
  RectMm region;
  bool every_page = false;  // read on every page (a field_change rule needs it), else on the first
  bool required = false;
  // What the value sets in the document's entry of job.json: "inserts"
  // (adds the insert it names), "sensitive" or "consolidate" (true when
  // found), "paper", "sides", "envelope" or "inserter" (the value itself);
  // empty: nothing.
  std::string sets;
  // The values as the page shows them, each with what it sets instead
  // ("SEPA-Lastschriftmandat" = "feeder-1"); a value not named here is a
  // problem of its document. Empty: the value as found.
  std::map<std::string, std::string> values;
};

struct SplitProfile {
  std::string name;
  // A page starts a document when any rule holds (match = "any") or all
  // do ("all").
  std::vector<DocumentStart> starts;
  bool all_must_hold = false;
  std::vector<PageCounter> counters;  // at most one
  // The letters' DIN 5008 form A or B (job.json "form": where the window
  // shows the address); the recipient is read from its address field's
  // recipient zone, or from a region given instead.
  LetterForm address_form = LetterForm::b;
  std::vector<RectMm> address_region;  // at most one: instead of the form's
  std::vector<SplitField> fields;
  std::string id_field;  // the field whose value is the document's id
  // on_bad_document = "skip": the good documents go on, the bad ones (and
  // pages of none) are listed in exceptions.csv; "reject" (default): any
  // problem refuses the file.
  bool skip_bad_documents = false;
  // ocr = true: a page without text of its own (scanned, or its text drawn
  // as outlines) is read by OCR in the regions the profile reads, instead
  // of being a problem.
  bool ocr = false;
  // What job.json says besides its documents, as a specialist application
  // writes it: client, application, defaults, standard_fonts ([job]).
  nlohmann::json job = nlohmann::json::object();
};

}  // namespace kuvert

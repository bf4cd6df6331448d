#pragma once
// A print file without an index split into documents by a split profile's
// rules, page by page in file order (issue 16): where each document
// starts, which rule said so, its recipient's lines as the address field
// shows them and its fields. Every problem is collected with its page, so
// that one pass shows all of them: a page that belongs to no document, a
// document without a recipient that reads as an address or without a
// required field, a page counter that does not add up, two documents with
// the same id. Pure: the pages come as text (page_text.hpp); no page is
// kept, and a caller that takes each document as it ends (take_finished)
// keeps memory flat however long the file: the splitter then holds the
// ids it has seen and the problems.
#include <cstdint>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/split_profile.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/page_text.hpp"

namespace kuvert::split {

struct SplitDocument {
  std::uint32_t first_page = 0;  // 1-based in the file
  std::uint32_t pages = 0;
  std::string rule;                           // what started it: "text", "page counter", ...
  std::vector<std::string> recipient_lines;   // top to bottom, a wrapped line joined again
  std::optional<Recipient> recipient;         // the lines taken apart, where they read as an address
  std::map<std::string, std::string> fields;  // by name, as first read
};

struct SplitOutcome {
  std::vector<SplitDocument> documents;  // those not taken before
  std::vector<Diagnostic> problems;      // Where::file, Where::record ("page 7"), Where::field
};

// Where the profile reads the recipient: its region, or the recipient zone
// of its form's DIN 5008 address field.
RectMm recipient_zone(const SplitProfile& profile);

// Past this much text in one region a page is refused: regions hold lines,
// not pages.
inline constexpr std::size_t kMaxRegionTextBytes = 4096;

class DocumentSplitter {
 public:
  // `file`: the print file's name, for messages. Throws kuvert::Error
  // (input) naming the profile when a pattern is no regular expression.
  DocumentSplitter(const SplitProfile& profile, const AddressReader& addresses, std::string file);

  // The next page, in file order.
  void add(const PageText& page);
  // A page whose text could not be read (`problems`, named by page): it
  // belongs to the document before it, which it makes bad.
  void add_unreadable(std::uint32_t page, std::vector<Diagnostic> problems);
  // The documents that ended since the last call, in page order. Problems
  // found later may still name their pages (an id a later document has
  // too).
  std::vector<SplitDocument> take_finished();
  SplitOutcome finish() &&;

 private:
  std::string region_text(const PageText& page, const RectMm& region, const std::string& key);
  std::string starting_rule(const PageText& page, const std::map<std::string, std::string>& fields,
                            std::optional<std::pair<std::uint32_t, std::uint32_t>> counter);
  void read_fields(const PageText& page, bool every_page, std::map<std::string, std::string>& fields);
  void problem(std::uint32_t page, const std::string& field, const std::string& message);
  void close_document();

  const SplitProfile& profile_;
  const AddressReader& addresses_;
  std::string file_;
  // The profile's patterns, compiled once: by start rule (pattern rules
  // only), by field, and the page counter's.
  std::vector<std::regex> start_patterns_;
  std::vector<std::regex> field_patterns_;
  std::optional<std::regex> counter_pattern_;
  SplitOutcome outcome_;  // documents: the ended ones not yet taken
  std::optional<SplitDocument> open_document_;
  std::size_t documents_ = 0;                           // started, in all
  std::uint32_t pages_ = 0;                             // added, readable or not
  std::map<std::string, std::uint32_t> first_with_id_;  // the first page of the first document with each id
  std::set<std::string> duplicate_ids_;                 // ids said twice already
  std::map<std::string, std::string> previous_fields_;  // the page before's every-page fields
  std::optional<std::pair<std::uint32_t, std::uint32_t>> previous_counter_;
};

}  // namespace kuvert::split

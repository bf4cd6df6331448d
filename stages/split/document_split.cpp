#include "stages/split/document_split.hpp"

#include <optional>
#include <utility>
#include <variant>

#include "pipeline/model/din5008.hpp"
#include "pipeline/model/utf8.hpp"

namespace kuvert::split {

namespace {

constexpr const char* kNoDocument = "belongs to no document: no rule of the profile starts one on it or before it";

std::regex compile(const std::string& pattern, const std::string& profile, const std::string& key) {
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& error) {
    throw Error(ErrorKind::input, Where{.file = "splits/" + profile + ".toml", .field = key},
                "\"" + pattern + "\" is no regular expression: " + error.what());
  }
}

// A region's text for a message: its lines joined by " | ", at most 80
// bytes, never cut inside a character.
std::string excerpt(const std::string& text) {
  std::string line;
  for (const char c : text) line += c == '\n' ? std::string(" | ") : std::string(1, c);
  if (line.size() <= 80) return line;
  std::size_t cut = 80;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "...";
}

// The first group of the first match, or the whole match without groups.
std::optional<std::string> found(const std::string& text, const std::regex& pattern) {
  std::smatch match;
  if (!std::regex_search(text, match, pattern)) return std::nullopt;
  return match.size() > 1 ? match[1].str() : match[0].str();
}

// The address field's lines; one set further right than the address
// begins continues the line above (a name too long for the field, wrapped
// and indented as DIN 5008 has it).
std::vector<std::string> address_lines(const PageText& page, const RectMm& zone) {
  constexpr double kIndentMm = 1.5;
  std::vector<std::string> lines;
  const auto found = text_lines_in(page, zone);
  for (const auto& line : found)
    if (!lines.empty() && line.x > found.front().x + kIndentMm)
      lines.back() += ' ' + line.text;
    else
      lines.push_back(line.text);
  return lines;
}

}  // namespace

RectMm recipient_zone(const SplitProfile& profile) {
  if (!profile.address_region.empty()) return profile.address_region.front();
  namespace din = din5008;
  return {din::kAddressFieldX, din::geometry(profile.address_form).address_field_y + din::kReturnZoneHeight,
          din::kAddressFieldWidth, din::kRecipientZoneHeight};
}

DocumentSplitter::DocumentSplitter(const SplitProfile& profile, const AddressReader& addresses, std::string file)
    : profile_(profile), addresses_(addresses), file_(std::move(file)) {
  for (std::size_t i = 0; i < profile.starts.size(); ++i)
    start_patterns_.push_back(
        profile.starts[i].kind == DocumentStart::Kind::pattern
            ? compile(profile.starts[i].pattern, profile.name, "start[" + std::to_string(i) + "].pattern")
            : std::regex());
  for (std::size_t i = 0; i < profile.fields.size(); ++i)
    field_patterns_.push_back(
        compile(profile.fields[i].pattern, profile.name, "field[" + std::to_string(i) + "].pattern"));
  if (!profile.counters.empty())
    counter_pattern_ = compile(profile.counters.front().pattern, profile.name, "page_counter.pattern");
}

void DocumentSplitter::problem(std::uint32_t page, const std::string& field, const std::string& message) {
  outcome_.problems.push_back(
      {Where{.file = file_, .record = "page " + std::to_string(page), .field = field}, message});
}

// Every pattern reads text through here: std::regex matches by recursion,
// so a region stuffed with text (a hostile file's footer of 60,000 digits)
// would overflow the stack. Past the limit the region reads as empty.
std::string DocumentSplitter::region_text(const PageText& page, const RectMm& region, const std::string& key) {
  std::string text;
  for (const auto& line : lines_in(page, region)) {
    if (!text.empty()) text += '\n';
    text += line;
    if (text.size() > kMaxRegionTextBytes) {
      problem(page.number, key, "holds more text than a region of a letter does");
      return {};
    }
  }
  return text;
}

std::string DocumentSplitter::starting_rule(const PageText& page, const std::map<std::string, std::string>& fields,
                                            std::optional<std::pair<std::uint32_t, std::uint32_t>> counter) {
  std::string fired;
  bool all = true;
  for (std::size_t i = 0; i < profile_.starts.size(); ++i) {
    const DocumentStart& rule = profile_.starts[i];
    bool holds = false;
    std::string name;
    switch (rule.kind) {
      case DocumentStart::Kind::text:
        holds = region_text(page, rule.region, "start").find(rule.text) != std::string::npos;
        name = "text \"" + rule.text + "\"";
        break;
      case DocumentStart::Kind::pattern:
        holds = found(region_text(page, rule.region, "start"), start_patterns_[i]).has_value();
        name = "pattern \"" + rule.pattern + "\"";
        break;
      case DocumentStart::Kind::field_change: {
        const auto now = fields.find(rule.field);
        const auto before = previous_fields_.find(rule.field);
        holds = now != fields.end() && (before == previous_fields_.end() || before->second != now->second);
        name = "field change " + rule.field;
        break;
      }
      case DocumentStart::Kind::page_counter:
        holds = counter && counter->first == 1;
        name = "page counter";
        break;
      case DocumentStart::Kind::every:  // counted from where the document before began
        holds = !open_document_ || open_document_->pages >= rule.pages;
        name = "every " + std::to_string(rule.pages) + " pages";
        break;
    }
    all = all && holds;
    if (holds && fired.empty()) fired = name;
  }
  if (profile_.all_must_hold && !all) return {};
  return fired;
}

void DocumentSplitter::read_fields(const PageText& page, bool every_page, std::map<std::string, std::string>& fields) {
  for (std::size_t i = 0; i < profile_.fields.size(); ++i) {
    const SplitField& field = profile_.fields[i];
    if (field.every_page != every_page) continue;
    const auto text = region_text(page, field.region, field.name);
    const auto value = found(text, field_patterns_[i]);
    if (!value) continue;
    // std::regex matches bytes: a pattern may cut a character in two.
    if (invalid_utf8_at(*value) != std::string_view::npos)
      problem(page.number, field.name,
              "reads a value that is not whole UTF-8 text (does the pattern cut a character?)");
    else
      fields[field.name] = *value;
  }
}

void DocumentSplitter::add(const PageText& page) {
  if (page.words.empty()) {
    add_unreadable(page.number, {{Where{},
                                  "has no text of its own (a scanned or outlined page), which the split "
                                  "cannot read"}});
    return;
  }
  ++pages_;
  // Every-page fields (a field-change rule reads them), and the others once
  // the page is known to start a document.
  std::map<std::string, std::string> fields;
  read_fields(page, true, fields);
  std::optional<std::pair<std::uint32_t, std::uint32_t>> counter;
  if (counter_pattern_) {
    std::smatch match;
    const auto text = region_text(page, profile_.counters.front().region, "page_counter");
    if (std::regex_search(text, match, *counter_pattern_) && match.size() > 2) {
      const auto n = std::strtoul(match[1].str().c_str(), nullptr, 10),
                 m = std::strtoul(match[2].str().c_str(), nullptr, 10);
      if (n >= 1 && n <= m && m <= 100000)
        counter = std::pair(static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(m));
    }
    if (!counter)
      problem(page.number, "page_counter", "has no page counter the profile reads (\"" + excerpt(text) + "\")");
  }

  const std::string rule = starting_rule(page, fields, counter);
  if (counter_pattern_ && counter && previous_counter_ && open_document_ && rule.empty()) {
    const auto [n, m] = *counter;
    const auto [before, of] = *previous_counter_;
    if (n != before + 1 || m != of)
      problem(page.number, "page_counter",
              "reads page " + std::to_string(n) + " of " + std::to_string(m) + " after page " + std::to_string(before) +
                  " of " + std::to_string(of));
  }
  if (!rule.empty() && counter && counter->first != 1)
    problem(page.number, "page_counter",
            "starts a document (" + rule + ") but reads page " + std::to_string(counter->first) + " of " +
                std::to_string(counter->second));
  if (!rule.empty()) {
    close_document();
    SplitDocument document;
    document.first_page = page.number;
    document.rule = rule;
    document.recipient_lines = address_lines(page, recipient_zone(profile_));
    read_fields(page, false, fields);
    for (const auto& field : profile_.fields)
      if (const auto value = fields.find(field.name); value != fields.end())
        document.fields[field.name] = value->second;
    open_document_ = std::move(document);
    ++documents_;
  } else if (!open_document_) {
    problem(page.number, "", kNoDocument);
  }
  if (open_document_) {
    ++open_document_->pages;
    for (const auto& field : profile_.fields)
      if (field.every_page && field.required && !fields.contains(field.name))
        problem(page.number, field.name, "has no " + field.name + " where the profile reads it on every page");
  }
  previous_fields_ = std::move(fields);
  previous_counter_ = counter;
}

void DocumentSplitter::add_unreadable(std::uint32_t page, std::vector<Diagnostic> problems) {
  ++pages_;
  for (auto& diagnostic : problems) {
    diagnostic.where.file = file_;
    diagnostic.where.record = "page " + std::to_string(page);
    outcome_.problems.push_back(std::move(diagnostic));
  }
  if (open_document_) ++open_document_->pages;
  // Nothing is known of it: the next page's counter and fields are not compared with it.
  previous_fields_.clear();
  previous_counter_.reset();
}

void DocumentSplitter::close_document() {
  if (!open_document_) return;
  SplitDocument& document = *open_document_;
  const std::uint32_t last = document.first_page + document.pages - 1;
  if (previous_counter_ && previous_counter_->first != previous_counter_->second)
    problem(last, "page_counter",
            "ends its document at page " + std::to_string(previous_counter_->first) + " of " +
                std::to_string(previous_counter_->second));
  auto recipient = addresses_.recipient(document.recipient_lines);
  if (auto* found = std::get_if<Recipient>(&recipient))
    document.recipient = std::move(*found);
  else
    problem(document.first_page, "recipient",
            "has no recipient in the address field: " + std::get<std::string>(recipient));
  // Fields read on every page were checked on each.
  for (const auto& field : profile_.fields)
    if (field.required && !field.every_page && !document.fields.contains(field.name))
      problem(document.first_page, field.name, "has no " + field.name + " where the profile reads it");
  // Two documents with the same id: both are named, since which one is
  // meant cannot be told.
  if (const auto id = document.fields.find(profile_.id_field);
      !profile_.id_field.empty() && id != document.fields.end()) {
    const auto [first, fresh] = first_with_id_.emplace(id->second, document.first_page);
    if (!fresh) {
      if (duplicate_ids_.insert(id->second).second)
        problem(first->second, profile_.id_field,
                "starts a document with the id \"" + id->second + "\" that the one on page " +
                    std::to_string(document.first_page) + " has too");
      problem(document.first_page, profile_.id_field,
              "starts a document with the id \"" + id->second + "\" that the one on page " +
                  std::to_string(first->second) + " has too");
    }
  }
  outcome_.documents.push_back(std::move(document));
  open_document_.reset();
}

std::vector<SplitDocument> DocumentSplitter::take_finished() { return std::exchange(outcome_.documents, {}); }

SplitOutcome DocumentSplitter::finish() && {
  close_document();
  // No page started a document: most likely the profile is not this file's;
  // one problem says so, not one a page.
  if (documents_ == 0) {
    const auto orphans = std::erase_if(outcome_.problems, [](const Diagnostic& p) { return p.message == kNoDocument; });
    if (orphans > 0)
      outcome_.problems.insert(
          outcome_.problems.begin(),
          {Where{.file = file_}, "no rule of split profile \"" + profile_.name +
                                     "\" starts a document on any of the file's " + std::to_string(pages_) +
                                     (pages_ == 1 ? " page" : " pages") + ": is it the profile for this file?"});
  }
  return std::move(outcome_);
}

}  // namespace kuvert::split

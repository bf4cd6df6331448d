#include "stages/compose/letter_composer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/din5008.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/recipient.hpp"
#include "pipeline/model/concat.hpp"
#include "stages/compose/postal_lines.hpp"
#include "stages/compose/record_text.hpp"
#include "stages/compose/salutation.hpp"
#include "stages/compose/table_row.hpp"

namespace kuvert::compose {

namespace {

using namespace din5008;

constexpr double kLetterheadNameSize = 14;
constexpr double kSmallSize = 8;
constexpr double kFooterSize = 7.5;
constexpr double kAddressLeading = 1.2;  // 6 lines of 10 pt fit the 27.3 mm recipient zone
constexpr double kCellPadding = 1;       // mm each side of a table cell
constexpr double kClearZoneGap = 0.5;    // mm between the body and the clear zone
constexpr double kPageNumberLine = 262;
constexpr double kFooterLine = 283;
constexpr double kContinuationHeaderLine = 12;
constexpr double kContinuationBodyTop = 20;

double points(double mm) { return mm * kPointsPerMm; }
double millimetres(double pt) { return pt / kPointsPerMm; }
// The PDF's y for a distance from the top of the sheet.
double from_top(double mm) { return points(kA4HeightMm - mm); }

TextTemplate parsed(const std::string& text) { return parse_template(text).parsed; }

// The smallest size, in half points, at which the font's capitals (its
// "H", measured) are `cap_mm` high.
double smallest_size_for_capitals(const FontFace& face, double cap_mm) {
  hb_glyph_extents_t extents{};
  const auto glyph = face.glyph(U'H');
  double cap = face.metrics().cap_height;
  if (glyph && hb_font_get_glyph_extents(face.hb_font(), *glyph, &extents) && extents.y_bearing > 0)
    cap = extents.y_bearing;
  if (cap <= 0) cap = 0.7 * face.units_per_em();
  const double size = points(cap_mm) * face.units_per_em() / cap;
  return std::ceil(size * 2 - 1e-9) / 2;
}

[[noreturn]] void cannot_set(const std::string& field, std::string message) {
  Where where;
  where.field = field;
  throw_input(where, std::move(message));
}

Recipient recipient_of(const nlohmann::json& value) {
  Recipient recipient;
  recipient.name = value.at("name").get<std::vector<std::string>>();
  recipient.street = value.at("street").get<std::string>();
  recipient.postcode = value.value("postcode", std::string());
  recipient.city = value.at("city").get<std::string>();
  recipient.country = value.value("country", std::string("DE"));
  return recipient;
}

}  // namespace

// One letter being set, page by page, from the top down.
class LetterWriter {
 public:
  LetterWriter(const LetterComposer& composer, const nlohmann::json& record, TextSetter& setter)
      : c_(composer), layout_(composer.layout_), record_(record), setter_(setter) {}

  ComposedLetter write() {
    check_characters(record_, "");
    const Recipient recipient = recipient_of(record_.at("recipient"));
    recipient_name_ = recipient.name.empty() ? "" : recipient.name.back();
    recipient_lines_ = recipient.name;
    first_page(recipient);
    body();
    finish_pages();
    ComposedLetter letter;
    for (const auto& page : pages_) letter.pages.push_back(page.operators());
    letter.glyphs = std::move(usage_);
    return letter;
  }

 private:
  double size() const { return layout_.size_pt; }
  double line_height(double size_pt) const { return millimetres(size_pt * layout_.leading); }
  // The baseline of a line whose top is at `top`.
  static double baseline(double top, double size_pt) { return top + millimetres(size_pt * 0.8); }

  // Every text of the record can be set in the regular and the bold font,
  // checked first so that a missing character is reported with its field.
  void check_characters(const nlohmann::json& value, const std::string& path) {
    if (value.is_string()) {
      for (const FontIndex font : {c_.regular_, c_.bold_}) {
        const std::string problem = unsettable(c_.fonts_, font, value.get_ref<const std::string&>());
        if (!problem.empty()) cannot_set(path, problem);
      }
    } else if (value.is_object()) {
      for (const auto& [key, member] : value.items())
        check_characters(member, path.empty() ? key : concat(path, ".", key));
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i)
        check_characters(value[i], concat(path, "[", std::to_string(i), "]"));
    }
  }

  void put(const ShapedText& text, double x, double baseline_mm, double size_pt) {
    pages_.back().text(c_.fonts_, text, points(x), from_top(baseline_mm), size_pt, usage_);
  }
  void put_right(const ShapedText& text, double right, double baseline_mm, double size_pt) {
    put(text, right - millimetres(setter_.width(text, size_pt)), baseline_mm, size_pt);
  }
  // A paragraph from `x`, `width` wide, its lines flowing onto new pages.
  void paragraph(const std::string& text, FontIndex font, double size_pt, double x = kLeftMargin, double width = -1) {
    if (width < 0) width = c_.body_width_;
    for (const auto& line : setter_.lines(font, text, size_pt, points(width))) {
      need(line_height(size_pt));
      put(line, x, baseline(y_, size_pt), size_pt);
      y_ += line_height(size_pt);
    }
  }
  void blank_line() { y_ += line_height(size()); }
  // Starts a new page unless `height` mm fit above the last text line.
  bool need(double height) {
    if (y_ + height <= kLastTextLine + 1e-6) return false;
    continuation_page();
    return true;
  }

  // Fold and hole marks, on the first page: the sheet that is folded and
  // punched as the letter's face.
  void marks() {
    auto& page = pages_.back();
    const auto mark = [&](double y, double length) {
      page.line(points(3), from_top(y), points(3 + length), from_top(y), 0.3);
    };
    for (double y : geometry(layout_.form).fold_marks) mark(y, 5);
    mark(kHoleMark, 7);
  }

  // The inserter's clear zone on the current page (mirrored on a back),
  // if a box (mm) would reach into it.
  std::optional<RectMm> clear_zone_over(double x, double y, double width, double height) const {
    if (!c_.clear_zone_) return std::nullopt;
    RectMm zone = *c_.clear_zone_;
    if (c_.duplex_ && pages_.size() % 2 == 0) zone.x = kA4WidthMm - zone.x - zone.width;
    const bool apart =
        x + width <= zone.x || zone.x + zone.width <= x || y + height <= zone.y || zone.y + zone.height <= y;
    if (apart) return std::nullopt;
    return zone;
  }

  void first_page(const Recipient& recipient) {
    pages_.emplace_back();
    const auto form = geometry(layout_.form);
    const bool short_head = layout_.form == LetterForm::a;
    double line = short_head ? 10 : 16;
    put(setter_.line(c_.bold_, c_.client_.name), kLeftMargin, line, kLetterheadNameSize);
    line += short_head ? 5 : 6;
    for (const auto& text : c_.client_.letterhead) {
      put(setter_.line(c_.regular_, text), kLeftMargin, line, kSmallSize + 0.5);
      line += 4;
    }
    if (c_.logo_ != nullptr) logo(short_head);
    marks();
    recipient_zone(recipient, return_address(form.address_field_y));
    const double info_end = info_block(form.info_block_y);
    y_ = std::max(form.address_field_y + 45, info_end) + 8.46;  // two blank lines of 12 pt
  }

  // The logo at the letterhead's right, within a box that keeps clear of
  // the address field and information block, its proportions kept.
  void logo(bool short_head) {
    const double box_width = 35, box_height = short_head ? 17 : 25, top = short_head ? 5 : 10;
    const LogoShape& logo = *c_.logo_;
    const double aspect = logo.width / logo.height;
    const double width = std::min(box_width, box_height * aspect), height = width / aspect;
    double right = kA4WidthMm - kRightMargin;
    if (const auto zone = clear_zone_over(right - width, top, width, height)) right = zone->x - 2;
    const double x = points(right - width), y = from_top(top + height);
    if (logo.image) {
      pages_.back().xobject("Logo", points(width), points(height), x, y);
    } else {
      const double scale = points(width) / logo.width;
      pages_.back().xobject("Logo", scale, scale, x - scale * logo.llx, y - scale * logo.lly);
    }
  }

  // Returns where the recipient zone begins: below the return address zone,
  // and lower by as much as the window shows less of the field's top (the
  // block moves down into it; the recipient zone is shorter then).
  double return_address(double field_y) {
    const auto lines = setter_.lines(c_.regular_, c_.client_.return_address, kReturnAddressSize,
                                     points(c_.address_right_ - kAddressTextX));
    if (lines.size() > 5) cannot_set("return_address", "of the client takes more than the 5 lines of its zone");
    // Filled bottom-up, the last line just above the recipient zone; no
    // glyph reaches more than an em above its baseline.
    double line = field_y + kReturnZoneHeight - 1.5 - (static_cast<double>(lines.size()) - 1) * 3.4;
    const double shift = std::max(0.0, c_.address_top_ - (line - millimetres(kReturnAddressSize)));
    line += shift;
    for (const auto& text : lines) {
      put(text, kAddressTextX, line, kReturnAddressSize);
      line += 3.4;
    }
    return field_y + kReturnZoneHeight + shift;
  }

  // The recipient's lines, wrapped to the field and shrunk in half points
  // until they fit, at most 6 lines in 27.3 mm, but never below the size
  // whose capitals are 2.3 mm high.
  void recipient_zone(const Recipient& recipient, double top) {
    const auto lines = postal_lines(recipient, layout_.country_names);
    if (!lines)
      cannot_set("recipient.country",
                 "\"" + recipient.country + "\" has no German country name in kuvert (layouts/countries.toml)");
    const double smallest = c_.smallest_address_size_;
    const double width = c_.address_right_ - kAddressTextX;
    const double height = std::min(kRecipientZoneHeight, c_.address_bottom_ - top);
    for (double size_pt = std::max(size(), smallest); size_pt >= smallest - 1e-9; size_pt -= 0.5) {
      std::vector<std::pair<ShapedText, bool>> set;  // line, whether it continues a wrapped one
      const double indent = layout_.address_indent_mm;
      for (const auto& line : *lines) {
        auto first = setter_.lines(c_.regular_, line, size_pt, points(width));
        // Continuation lines are set again in the narrower indented width.
        std::string rest;
        if (first.size() > 1) {
          for (std::size_t i = 1; i < first.size(); ++i) {
            if (!rest.empty()) rest += ' ';
            rest += first[i].text;
          }
          set.emplace_back(std::move(first[0]), false);
          for (auto& more : setter_.lines(c_.regular_, rest, size_pt, points(width - indent)))
            set.emplace_back(std::move(more), true);
        } else if (!first.empty()) {
          set.emplace_back(std::move(first[0]), false);
        }
      }
      const double step = millimetres(size_pt * kAddressLeading);
      if (set.size() > kMaxRecipientLines || set.size() * step > height + 1e-6) continue;
      double line_top = top;
      for (const auto& [text, continues] : set) {
        put(text, kAddressTextX + (continues ? indent : 0), baseline(line_top, size_pt), size_pt);
        line_top += step;
      }
      return;
    }
    char limits[160];
    std::snprintf(limits, sizeof limits, "more than 6 lines of %g mm in %g mm even at %g pt",
                  std::round(width * 10) / 10, std::round(height * 10) / 10, smallest);
    cannot_set("recipient",
               concat("cannot be fitted into ", c_.address_place_, ": ", limits,
                      ", the smallest size whose capitals are 2.3 mm high (Deutsche Post's "
                      "reading rule)"));
  }

  // Returns where the block ends.
  double info_block(double top) {
    const double label_width = 32;
    // The block runs to 10 mm from the edge, unless the clear zone begins
    // sooner at its height (it may reach 40 mm down).
    double width = kInfoBlockWidth;
    if (const auto zone = clear_zone_over(kInfoBlockX, top, width, 40))
      width = std::max(40.0, zone->x - 1 - kInfoBlockX);
    double line = top;
    for (std::size_t i = 0; i < layout_.info.size(); ++i) {
      const auto value = fill(c_.info_[i], layout_.fields, record_);
      if (!value) continue;  // an optional field the record lacks
      put(setter_.line(c_.regular_, layout_.info[i].label), kInfoBlockX, baseline(line, kSmallSize), kSmallSize);
      for (const auto& text : setter_.lines(c_.regular_, *value, size() - 1, points(width - label_width))) {
        put(text, kInfoBlockX + label_width, baseline(line, size() - 1), size() - 1);
        line += 4.2;
      }
    }
    if (!c_.client_.contact.empty()) line += 2;
    for (const auto& text : c_.client_.contact)
      for (const auto& set : setter_.lines(c_.regular_, text, kSmallSize, points(width))) {
        put(set, kInfoBlockX, baseline(line, kSmallSize), kSmallSize);
        line += 3.6;
      }
    return line;
  }

  void continuation_page() {
    pages_.emplace_back();
    std::string header = c_.client_.name;
    header += " · ";
    header += recipient_name_;
    header += " · ";
    header += record_.at("id").get<std::string>();
    const auto lines = setter_.lines(c_.regular_, header, kSmallSize, points(kTextWidth));
    double line = kContinuationHeaderLine;
    if (const auto zone = clear_zone_over(kLeftMargin, line - 4, kTextWidth, 5)) line = zone->y + zone->height + 4;
    put(lines.front(), kLeftMargin, line, kSmallSize);
    y_ = std::max(kContinuationBodyTop, line + 8);
    if (in_table_) {
      table_header();
      continued_table_top_ = y_;
    }
  }

  void body() {
    if (auto subject = fill(c_.subject_, layout_.fields, record_)) paragraph(*subject, c_.bold_, size());
    blank_line();
    const auto salutation = layout_.salutation_rules ? salutation_for(*layout_.salutation_rules, recipient_lines_)
                                                     : fill(c_.salutation_, layout_.fields, record_);
    if (salutation && !salutation->empty()) {
      paragraph(*salutation, c_.regular_, size());
      blank_line();
    }
    for (std::size_t i = 0; i < layout_.body.size(); ++i) {
      const BodyBlock& block = layout_.body[i];
      if (!block.unless.empty() && record_.contains(block.unless)) continue;
      if (block.table) {
        table();
      } else if (auto text = fill(c_.body_[i], layout_.fields, record_)) {
        paragraph(*text, c_.regular_, size());
      } else {
        continue;
      }
      blank_line();
    }
    // The closing stays together.
    need(line_height(size()) * static_cast<double>(layout_.closing.size()));
    for (const auto& line : layout_.closing) paragraph(line, c_.regular_, size());
  }

  void table_header() {
    const double h = line_height(size());
    double x = kLeftMargin;
    for (const auto& column : c_.table_columns_) {
      const ShapedText title = setter_.line(c_.bold_, column.title);
      if (column.align == Align::right)
        put_right(title, x + column.width_mm - kCellPadding, baseline(y_, size()), size());
      else
        put(title, x + kCellPadding, baseline(y_, size()), size());
      x += column.width_mm;
    }
    y_ += h;
    pages_.back().line(points(kLeftMargin), from_top(y_ - 0.8), points(x), from_top(y_ - 0.8), 0.5);
    y_ += 0.8;
  }

  void row(const TableRow& set) {
    double x = kLeftMargin;
    for (std::size_t c = 0; c < set.cells.size(); ++c) {
      const TableColumn& column = c_.table_columns_[c];
      double line = y_;
      for (const auto& text : set.cells[c]) {
        if (column.align == Align::right)
          put_right(text, x + column.width_mm - kCellPadding, baseline(line, size()), size());
        else
          put(text, x + kCellPadding, baseline(line, size()), size());
        line += line_height(size());
      }
      x += column.width_mm;
    }
    y_ += line_height(size()) * static_cast<double>(set.lines);
  }

  // The rows, each whole on one page: a row that does not fit goes to the
  // next page, under the repeated header; the header goes with the first
  // row and the last row with the totals. Only a row higher than a page's
  // room for the table is an error.
  void table() {
    const LetterTable& table = *layout_.table;
    const auto& rows = record_.at(table.rows);
    const double header_height = line_height(size()) + 0.8;
    const double totals_height = line_height(size()) * static_cast<double>(table.totals.size()) + 1;
    if (rows.empty()) {
      need(header_height + line_height(size()));
      table_header();
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::vector<std::string> texts;
      for (const auto& column : c_.columns_) texts.push_back(fill(column, c_.table_items_, rows[r]).value_or(""));
      const TableRow set = set_table_row(setter_, c_.regular_, size(), c_.table_columns_, texts, kCellPadding);
      const double height = line_height(size()) * static_cast<double>(set.lines);
      const double wanted = height + (r + 1 == rows.size() && !table.totals.empty() ? totals_height : 0);
      if (r == 0) {
        need(header_height + wanted);
        table_header();
        in_table_ = true;
      } else if (y_ > continued_table_top_ + 1e-6) {  // not on a page the table has just begun
        need(wanted);
      }
      if (y_ + height > kLastTextLine + 1e-6) {
        char sizes[128];
        std::snprintf(sizes, sizeof sizes, " (%.1f mm in the column \"%s\"; a page holds %.1f mm of table rows)",
                      height, table.columns[set.tallest].title.c_str(), kLastTextLine - y_);
        const auto named = c_.columns_[set.tallest].fields();
        cannot_set(concat(table.rows, "[", std::to_string(r), "]", named.empty() ? "" : ".",
                          named.empty() ? "" : named.front()),
                   concat("makes its table row higher than a page", sizes));
      }
      row(set);
    }
    in_table_ = false;
    if (table.totals.empty()) return;
    need(totals_height);
    double right = kLeftMargin;
    for (const auto& column : c_.table_columns_) right += column.width_mm;
    pages_.back().line(points(kLeftMargin), from_top(y_ + 0.4), points(right), from_top(y_ + 0.4), 0.5);
    y_ += 1;
    for (std::size_t t = 0; t < table.totals.size(); ++t) {
      const auto value = fill(c_.totals_[t], layout_.fields, record_);
      if (!value) continue;
      put(setter_.line(c_.bold_, table.totals[t].label), kLeftMargin + kCellPadding, baseline(y_, size()), size());
      put_right(setter_.line(c_.bold_, *value), right - kCellPadding, baseline(y_, size()), size());
      y_ += line_height(size());
    }
  }

  // "Seite x von y" and the footer on every page, now that the count is known.
  void finish_pages() {
    std::string footer;
    for (const auto& line : c_.client_.bank) {
      if (!footer.empty()) footer += " · ";
      footer += line;
    }
    const auto footer_lines = setter_.lines(c_.regular_, footer, kFooterSize, points(kTextWidth));
    const auto count = std::to_string(pages_.size());
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      const ShapedText number = setter_.line(c_.regular_, concat("Seite ", std::to_string(i + 1), " von ", count));
      pages_[i].text(c_.fonts_, number, points(kA4WidthMm - kRightMargin) - setter_.width(number, kSmallSize),
                     from_top(kPageNumberLine), kSmallSize, usage_);
      double line = kFooterLine;
      for (const auto& text : footer_lines) {
        pages_[i].text(c_.fonts_, text, points(kLeftMargin), from_top(line), kFooterSize, usage_);
        line += 3.2;
      }
    }
  }

  const LetterComposer& c_;
  const LetterLayout& layout_;
  const nlohmann::json& record_;
  TextSetter& setter_;
  std::vector<PageContent> pages_;
  GlyphUsage usage_;
  double y_ = 0;  // top of the next line, mm from the top of the sheet
  bool in_table_ = false;
  double continued_table_top_ = -1;  // where rows begin on the table's latest continuation page
  std::string recipient_name_;
  std::vector<std::string> recipient_lines_;
};

LetterComposer::LetterComposer(const LetterLayout& layout, const Client& client, const FontSet& fonts,
                               const LogoShape* logo, std::optional<RectMm> clear_zone, bool duplex,
                               std::optional<AddressWindow> window)
    : layout_(layout),
      client_(client),
      fonts_(fonts),
      logo_(logo),
      clear_zone_(clear_zone),
      duplex_(duplex),
      address_right_(std::min(kAddressTextX + kAddressTextWidth,
                              window ? window->area.x + window->area.width : kA4WidthMm)),
      address_bottom_(std::min(geometry(layout.form).address_field_y + kAddressFieldHeight,
                               window ? window->area.y + window->area.height : kA4HeightMm)),
      address_top_(window ? window->area.y : 0),
      address_place_(window ? "the address field where the window of envelope \"" + window->envelope + "\" shows it"
                            : "the address field"),
      regular_(fonts.index(layout.font)),
      bold_(fonts.index(layout.bold_font)),
      smallest_address_size_(smallest_size_for_capitals(fonts.face(regular_), kMinimumCapHeightMm)),
      subject_(parsed(layout.subject)),
      salutation_(parsed(layout.salutation)) {
  for (const auto& line : layout.info) info_.push_back(parsed(line.value));
  for (const auto& block : layout.body) body_.push_back(parsed(block.text));
  // The body ends before the clear zone, which imposing paints white: a
  // zone that reaches left of the right margin narrows the text, and the
  // table's columns with it.
  if (clear_zone && clear_zone->x < kLeftMargin + kTextWidth && clear_zone->x > kLeftMargin + kTextWidth / 2)
    body_width_ = clear_zone->x - kClearZoneGap - kLeftMargin;
  if (layout.table) {
    table_columns_ = layout.table->columns;
    double total = 0;
    for (const auto& column : table_columns_) total += column.width_mm;
    if (total > body_width_)
      for (auto& column : table_columns_) column.width_mm *= body_width_ / total;
    for (const auto& column : layout.table->columns) columns_.push_back(parsed(column.value));
    for (const auto& total : layout.table->totals) totals_.push_back(parsed(total.value));
    table_items_.fields = layout.fields.find(layout.table->rows)->items;
  }
}

ComposedLetter LetterComposer::compose(const nlohmann::json& record, TextSetter& setter) const {
  return LetterWriter(*this, record, setter).write();
}

}  // namespace kuvert::compose

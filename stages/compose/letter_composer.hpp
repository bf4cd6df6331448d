#pragma once
// A record becomes a DIN 5008 letter: letterhead, return address and
// recipient in the address field, information block, subject, salutation,
// body paragraphs and the table, closing; continuation pages with a short
// header; "Seite x von y", fold and hole marks and the footer with the
// client's bank details on every page.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/envelope_window.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/letter_layout.hpp"
#include "pipeline/model/text_template.hpp"
#include "stages/compose/logo_image.hpp"
#include "stages/compose/page_content.hpp"
#include "stages/compose/text_setter.hpp"

namespace kuvert::compose {

struct ComposedLetter {
  std::vector<std::string> pages;  // each page's content operators, A4
  GlyphUsage glyphs;               // what the pages show, for embedding
};

class LetterComposer {
 public:
  // `layout`, `client` and `fonts` must outlive the composer; they are
  // shared by the threads that compose (each with its own TextSetter).
  // `fonts` must hold the layout's fonts.
  // With `logo` (the client's), the letterhead shows the XObject /Logo,
  // which the pages' resources must name.
  // `clear_zone` is the inserter's (RectMm from its profile), which the
  // imposer paints white on fronts and, mirrored, on backs (`duplex`): the
  // letter keeps its logo, information block and headers out of it.
  // `window` is where the envelope's window shows the address field
  // (pipeline/model/envelope_window.hpp): return address and recipient are
  // set inside it.
  LetterComposer(const LetterLayout& layout, const Client& client, const FontSet& fonts,
                 const LogoShape* logo = nullptr, std::optional<RectMm> clear_zone = std::nullopt, bool duplex = true,
                 std::optional<AddressWindow> window = std::nullopt);

  // Composes a record checked against the layout's fields. Throws
  // kuvert::Error (input) with Where::field set for what cannot be set: an
  // address that does not fit the address field even at the smallest size
  // whose capitals are 2.3 mm high, a table row
  // higher than a page, a character no font has, a country without a
  // German name.
  ComposedLetter compose(const nlohmann::json& record, TextSetter& setter) const;

 private:
  friend class LetterWriter;

  const LetterLayout& layout_;
  const Client& client_;
  const FontSet& fonts_;
  const LogoShape* logo_;
  std::optional<RectMm> clear_zone_;
  bool duplex_;
  double address_right_ = 0;   // mm: where address lines must end
  double address_bottom_ = 0;  // mm: where the recipient's last line must end, below the form's field top
  double address_top_ = 0;     // mm: where the window begins to show the address field
  std::string address_place_;  // where the address must fit, for messages
  FontIndex regular_ = 0, bold_ = 0;
  double smallest_address_size_ = 0;  // pt: the recipient's capitals 2.3 mm high
  double body_width_ = kLetterTextWidthMm;  // mm from the left margin, short of the clear zone
  std::vector<TableColumn> table_columns_;  // the layout's, narrowed to body_width_ if need be
  // The layout's templates, parsed once.
  std::vector<TextTemplate> info_;
  TextTemplate subject_, salutation_;
  std::vector<TextTemplate> body_;
  std::vector<TextTemplate> columns_, totals_;
  RecordSchema table_items_;  // the fields of the table's rows
};

}  // namespace kuvert::compose

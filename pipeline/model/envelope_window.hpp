#pragma once
// Which part of a letter's first page the envelope's address window shows.
// The folded sheet rests on the envelope's bottom edge (its first fold
// there), and moves sideways by the envelope's play (DOMAIN.md): the part
// returned shows through the window wherever the sheet lies. Folds follow
// the envelope: three layers at the form's fold marks, two at the middle
// (148.5 mm), one flat.
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/envelope_profile.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/letter_layout.hpp"

namespace kuvert {

// The folds of a sheet in `envelope`, mm from the top edge (none when flat).
std::vector<double> sheet_folds(const EnvelopeProfile& envelope, LetterForm form);

// Nothing when no part shows at every position (a window narrower than the
// play).
std::optional<RectMm> visible_window(const EnvelopeProfile& envelope, LetterForm form);

// Deutsche Post's reading rule: an address stays this far inside the window.
inline constexpr double kWindowMarginMm = 3;

// Where address text may stand on the first page: the part of the DIN 5008
// address field of `form` that the window of `envelope` shows wherever the
// sheet lies, kWindowMarginMm inside it. Nothing when no part is shown.
std::optional<RectMm> address_area(const EnvelopeProfile& envelope, LetterForm form);

// Where a composed letter sets its address: the area, and whose window it
// is (for messages).
struct AddressWindow {
  std::string envelope;  // the envelope profile's name
  RectMm area;
};

}  // namespace kuvert

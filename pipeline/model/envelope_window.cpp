#include "pipeline/model/envelope_window.hpp"

#include <algorithm>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/din5008.hpp"

namespace kuvert {

std::vector<double> sheet_folds(const EnvelopeProfile& envelope, LetterForm form) {
  if (envelope.fold_layers >= 3) {
    const auto& marks = din5008::geometry(form).fold_marks;
    return {marks[0], marks[1]};
  }
  if (envelope.fold_layers == 2) return {kA4HeightMm / 2};
  return {};
}

std::optional<RectMm> visible_window(const EnvelopeProfile& envelope, LetterForm form) {
  const auto folds = sheet_folds(envelope, form);
  const double panel = folds.empty() ? kA4HeightMm : folds.front();  // the face behind the window
  const double play = envelope.play_mm;
  RectMm window{envelope.window_x_mm, panel - envelope.window_bottom_mm - envelope.window_height_mm,
                envelope.window_width_mm - play, envelope.window_height_mm};
  if (window.width <= 0 || window.y + window.height <= 0) return std::nullopt;
  if (window.y < 0) {  // the window reaches above the sheet
    window.height += window.y;
    window.y = 0;
  }
  return window;
}

std::optional<RectMm> address_area(const EnvelopeProfile& envelope, LetterForm form) {
  const auto window = visible_window(envelope, form);
  if (!window) return std::nullopt;
  const double field_y = din5008::geometry(form).address_field_y;
  const double left = std::max(din5008::kAddressFieldX, window->x + kWindowMarginMm);
  const double right =
      std::min(din5008::kAddressFieldX + din5008::kAddressFieldWidth, window->x + window->width - kWindowMarginMm);
  const double top = std::max(field_y, window->y + kWindowMarginMm);
  const double bottom = std::min(field_y + din5008::kAddressFieldHeight, window->y + window->height - kWindowMarginMm);
  if (right <= left || bottom <= top) return std::nullopt;
  return RectMm{left, top, right - left, bottom - top};
}

}  // namespace kuvert

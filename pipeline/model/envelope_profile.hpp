#pragma once
#include <string>

namespace kuvert {

// An envelope stock (layouts/envelopes.toml). Geometry in mm.
struct EnvelopeProfile {
  std::string name;    // "c6-5"
  std::string format;  // "C6/5", as printed on tickets
  double width_mm = 0;
  double height_mm = 0;
  double weight_g = 0;
  double thickness_mm = 0;  // both walls, empty
  int fold_layers = 1;      // how many layers an A4 sheet becomes: 3 folded twice, 1 flat
  // Address window, measured from the left and from the bottom edge.
  double window_x_mm = 0;
  double window_bottom_mm = 0;
  double window_width_mm = 0;
  double window_height_mm = 0;
  // How far the folded sheet moves sideways inside (DOMAIN.md: about 10 mm
  // in DL, 19 mm in C6/5): the window shows a line only if it does at
  // either end of this play.
  double play_mm = 0;
};

}  // namespace kuvert

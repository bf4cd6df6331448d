#pragma once
// A folder-inserter's set modelled on paper, for checking which page the
// envelope's window shows. The sheets are stacked as the machine collates
// them, printed sides up, and folded at the letter's two fold lines as one
// packet: every fold turns the layers beyond it over, and the layer that
// was on the outside of the bend ends up outermost. Independent of how
// kuvert decides where to print the address sheet: only paper is modelled.
#include <cstddef>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"

namespace kuvert::test {

// The layer that lies outermost on a face of the folded set at one place.
struct OuterLayer {
  std::size_t taken = 0;  // the sheet, 0-based in the order the machine took them
  bool front = true;      // which of its sides faces out
  double page_y_mm = 0;   // the point of that side there, from its top edge
};

class FoldedSet {
 public:
  // `sheets` taken one after another and collated as `collation` says,
  // folded as `fold` at `head_fold_mm` and `foot_fold_mm` from the top edge.
  FoldedSet(std::size_t sheets, SetCollation collation, LetterFold fold, double head_fold_mm, double foot_fold_mm);

  // What the window's face shows `from_fold_mm` above the head fold, the
  // edge the set rests on in the envelope. The window's face is the one the
  // address panel (above the head fold) is turned to.
  OuterLayer window_face(double from_fold_mm) const;

 private:
  // A piece of one sheet lying flat along the set, from `start` to `end`
  // (mm along the unfolded sheet's axis, start < end), with the page points
  // there, at height `level` (higher lies further up).
  struct Layer {
    std::size_t taken;
    bool front_up;
    double start, end;
    double page_at_start, page_at_end;
    int level;
    // The page point at `u` along the set.
    double page_at(double u) const {
      return page_at_start + (u - start) * (page_at_end - page_at_start) / (end - start);
    }
  };
  enum class Turn { under, over };
  // Turns every layer beyond `at` (above it for the head, below for the
  // foot) over, under the set or over it.
  void fold(double at, bool head, Turn turn);

  std::vector<Layer> layers_;
  double head_fold_mm_;
};

}  // namespace kuvert::test

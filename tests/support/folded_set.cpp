#include "tests/support/folded_set.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "pipeline/model/a4_sheet.hpp"

namespace kuvert::test {

FoldedSet::FoldedSet(std::size_t sheets, SetCollation collation, LetterFold fold, double head_fold_mm,
                     double foot_fold_mm)
    : head_fold_mm_(head_fold_mm) {
  // Forward: each sheet taken goes beneath the ones before, so the first
  // lies on top; reverse: on top of them.
  for (std::size_t i = 0; i < sheets; ++i) {
    const auto level = static_cast<int>(collation == SetCollation::forward ? sheets - 1 - i : i);
    layers_.push_back({i, true, 0, kA4HeightMm, 0, kA4HeightMm, level});
  }
  // The address panel turns away from the printed sides (turned towards
  // them it would face inwards); a Z turns the foot panel the other way,
  // a C tucks it in first, the same way.
  if (fold == LetterFold::z) {
    this->fold(head_fold_mm, true, Turn::under);
    this->fold(foot_fold_mm, false, Turn::over);
  } else {
    this->fold(foot_fold_mm, false, Turn::under);
    this->fold(head_fold_mm, true, Turn::under);
  }
}

void FoldedSet::fold(double at, bool head, Turn turn) {
  std::vector<Layer> staying, moving;
  for (const Layer& layer : layers_) {
    if (layer.start < at && layer.end > at) {
      Layer before = layer, after = layer;
      before.end = after.start = at;
      before.page_at_end = after.page_at_start = layer.page_at(at);
      (head ? moving : staying).push_back(before);
      (head ? staying : moving).push_back(after);
    } else {
      ((head ? layer.end <= at : layer.start >= at) ? moving : staying).push_back(layer);
    }
  }
  if (moving.empty()) return;
  int lowest = std::numeric_limits<int>::max(), highest = std::numeric_limits<int>::min();
  int moving_lowest = lowest, moving_highest = highest;
  for (const Layer& layer : layers_) {
    lowest = std::min(lowest, layer.level);
    highest = std::max(highest, layer.level);
  }
  for (const Layer& layer : moving) {
    moving_lowest = std::min(moving_lowest, layer.level);
    moving_highest = std::max(moving_highest, layer.level);
  }
  for (Layer& layer : moving) {
    // Mirrored at the fold; the layer on the outside of the bend (the top
    // one when turned under) ends up outermost.
    const double start = 2 * at - layer.end, end = 2 * at - layer.start;
    std::swap(layer.page_at_start, layer.page_at_end);
    layer.start = start;
    layer.end = end;
    layer.front_up = !layer.front_up;
    layer.level =
        turn == Turn::under ? lowest - 1 - (layer.level - moving_lowest) : highest + 1 + (moving_highest - layer.level);
    staying.push_back(layer);
  }
  layers_ = std::move(staying);
}

OuterLayer FoldedSet::window_face(double from_fold_mm) const {
  const double u = head_fold_mm_ + from_fold_mm;
  const Layer* outer = nullptr;
  for (const Layer& layer : layers_)
    if (layer.start <= u && u <= layer.end && (!outer || layer.level < outer->level)) outer = &layer;
  if (!outer) throw std::logic_error("no layer of the folded set lies there");
  return {outer->taken, !outer->front_up, outer->page_at(u)};
}

}  // namespace kuvert::test

#pragma once
// Boxes and matrices in a page's user space (points, origin bottom left),
// as content streams place what they draw, and the way to and from the
// millimetres from a page's top left that profiles and layouts give.
#include <algorithm>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/pdf/page_geometry.hpp"

namespace kuvert::pdf {

struct Box {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  bool empty() const { return !(llx < urx && lly < ury); }
};

inline Box intersection(const Box& a, const Box& b) {
  return {std::max(a.llx, b.llx), std::max(a.lly, b.lly), std::min(a.urx, b.urx), std::min(a.ury, b.ury)};
}

// Grows `box` to hold (x, y); the first point (`started` false) starts it.
inline void include(Box& box, bool& started, double x, double y) {
  if (!started) {
    box = {x, y, x, y};
    started = true;
    return;
  }
  box = {std::min(box.llx, x), std::min(box.lly, y), std::max(box.urx, x), std::max(box.ury, y)};
}

// [a b c d e f]: a point (x, y) goes to (a x + c y + e, b x + d y + f).
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
};

// `first` applied, then `then`.
inline Matrix operator*(const Matrix& first, const Matrix& then) {
  return {first.a * then.a + first.b * then.c,          first.a * then.b + first.b * then.d,
          first.c * then.a + first.d * then.c,          first.c * then.b + first.d * then.d,
          first.e * then.a + first.f * then.c + then.e, first.e * then.b + first.f * then.d + then.f};
}

// The axis-parallel box around `box` once transformed.
inline Box transformed(const Box& box, const Matrix& m) {
  Box out;
  bool started = false;
  for (const double x : {box.llx, box.urx})
    for (const double y : {box.lly, box.ury}) include(out, started, m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f);
  return out;
}

// A page's visible box.
inline Box box_of(const PageGeometry& page) { return {page.llx, page.lly, page.urx, page.ury}; }

// `mm` (from the top left of `page`) in page space, and back.
inline Box points_of(const Box& page, const RectMm& mm) {
  constexpr double k = kPointsPerMm;
  return {page.llx + mm.x * k, page.ury - (mm.y + mm.height) * k, page.llx + (mm.x + mm.width) * k,
          page.ury - mm.y * k};
}
inline RectMm mm_of(const Box& page, const Box& box) {
  constexpr double k = kMmPerPoint;
  return {(box.llx - page.llx) * k, (page.ury - box.ury) * k, (box.urx - box.llx) * k, (box.ury - box.lly) * k};
}

}  // namespace kuvert::pdf

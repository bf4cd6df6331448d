#pragma once
// Boxes and matrices in a page's user space (points, origin bottom left),
// as content streams place what they draw.
#include <algorithm>

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

}  // namespace kuvert::pdf

#pragma once
// A scanned page made fit for OCR and the archive (Leptonica, about 0.15 s
// a page here; STACK.md): background normalised, deskewed, specks removed,
// and judged blank or not by its ink; turned upright when told how far
// (stages/scan/upright_reading decides).
#include "stages/scan/pix.hpp"

namespace kuvert::scan {

struct CleanupOptions {
  bool deskew = true;
  int speck_pixels = 3;             // components no larger than this square are specks (at 300 dpi)
  double blank_ink_share = 0.0005;  // a page with less ink than this (of its inner area) is blank
};

struct CleanPage {
  PixPtr grey;                // 8 bits, upright, deskewed, background normalised
  PixPtr colour;              // a colour scan (32 bits) turned and deskewed alike; null for others
  double deskew_degrees = 0;  // the skew found and removed
  int rotation = 0;           // 0, 90, 180 or 270: how far the page was turned to be upright
  bool blank = false;         // too little ink in the inner area, specks left out
};

// `scanned` is 8-bit grey or 32-bit colour.
CleanPage clean_page(Pix* scanned, int dpi, const CleanupOptions& options);

// Turns a cleaned page by `degrees` (90, 180 or 270) clockwise; after a
// quarter turn its lines run another way, so it is deskewed again when
// `deskew` is set.
void turn_page(CleanPage& page, int degrees, bool deskew);

}  // namespace kuvert::scan

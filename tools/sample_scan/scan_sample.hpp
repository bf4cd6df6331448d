#pragma once
// Scanned pages made from known German text, for the scan tests and the
// OCR benchmark: pages set by kuvert's compose stage and rendered like a
// grey scan, then skewed, turned, dusted; separator sheets with a barcode;
// blank backs. And how right a recognised text is.
#include <filesystem>
#include <string>
#include <vector>

#include "stages/scan/pix.hpp"

namespace kuvert::sample {

// The lines of the standard page: umlauts, ß, amounts, an IBAN.
const std::vector<std::string>& known_text();

// The lines of letter `n` (1-based) of a batch: like known_text(), with
// its own name, amount, date and Kassenzeichen (and a valid IBAN), then a
// body of 18 lines, as long as a real notice's.
std::vector<std::string> letter_text(unsigned n);

// `lines` set in 11 pt sans on an A4 page, rendered grey (anti-aliased) at
// `dpi`. `fonts` is kuvert's fonts/ folder.
scan::PixPtr text_page(const std::vector<std::string>& lines, const std::filesystem::path& fonts, int dpi = 300);

// Turned by `degrees` (anticlockwise positive), white brought in.
scan::PixPtr skewed(Pix* page, double degrees);
// Dark specks of 2 x 2 pixels, as dust on the scanner glass leaves them.
void sprinkle(Pix* page, int specks, unsigned seed);
// A white A4 page at 300 dpi, slightly grey like a scan, with `text` as a
// Code 128 barcode in its upper half.
scan::PixPtr separator_sheet(const std::string& text);
// The blank back of a duplex scan: paper tone and a little dust.
scan::PixPtr blank_back(unsigned seed);

// A TIFF of `count` pages of 32 x 32 pixels, page i with i % 32 dark
// pixels in its first row: what a flood of tiny pages looks like, for the
// scan reader's limits and linear time.
void write_tiny_page_tiff(const std::filesystem::path& tiff, unsigned count);

// The share of the expected text's characters (spaces and line breaks
// left out) that `read` gets right: 1 - edit distance / length.
double character_accuracy(const std::string& expected, const std::string& read);

}  // namespace kuvert::sample

#pragma once
// One physical sheet of a run file as PDF objects: a page object per side
// whose content is the copied page wrapped in q ... Q followed by a small
// stream with the control marks.
//
//   << /Type /Page /Parent 2 0 R /Contents [3 0 R <page's streams> M 0 R] <entries> >>
//   M: "Q\n" + clear zone in white + code in black
//
// Object 3 (kSaveStateObject, written by deliver) holds the "q"; every page
// starts with it, and every marks stream starts with the matching "Q", also
// on blank pages and in manual runs (where it is the whole stream), so all
// pages have the same shape. A missing page becomes a blank A4 page.
//
// Pure and thread-safe: sheets are imposed in parallel. The object numbers
// come from the caller, who allocates them serially in sheet order.
#include <cstdint>
#include <optional>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/pdf/pdf_object.hpp"
#include "pipeline/model/production.hpp"
#include "stages/impose/control_marks.hpp"

namespace kuvert {

// Numbers for one side: its page object and its marks stream.
struct SideNumbers {
  std::uint32_t page = 0;
  std::uint32_t marks = 0;
};

// `back` is used on duplex sheets only.
struct SheetNumbers {
  SideNumbers front;
  SideNumbers back;
};

// Allocates the numbers one sheet needs: 2 for simplex, 4 for duplex. With
// the default every sheet takes 4, which is correct for simplex runs too but
// leaves 2 unused (free) numbers per sheet in the file.
SheetNumbers allocate_sheet_numbers(ObjectNumbering& numbering, Sides sides);

struct SheetObjects {
  // Every object to write: each side's copied objects, then its page and
  // marks stream; front before back.
  std::vector<PdfObjectBytes> objects;
  std::vector<std::uint32_t> pages;  // page objects in print order: front, then back
};

// `profile` is null for a manual run: no marks, and the clear zone is left
// as it is. An absent page becomes a blank A4 page; simplex sheets have no
// back page. The marks go on the profile's side (always the front of a
// simplex sheet); the clear zone is painted white on both sides. Throws
// Error(internal) for a back page on a simplex sheet or a zero object
// number, and what draw_side_marks throws.
SheetObjects impose_sheet(const InserterProfile* profile, const SheetContext& context, Sides sides,
                          std::optional<CopiedPage> front, std::optional<CopiedPage> back, const SheetNumbers& numbers);

}  // namespace kuvert

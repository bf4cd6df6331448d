#include "stages/impose/sheet_imposer.hpp"

#include "pipeline/model/error.hpp"
#include "stages/impose/mark_drawing.hpp"

namespace kuvert {
namespace {


// Appends one side's objects and page.
void add_side(SheetObjects& sheet, const InserterProfile* profile, const SheetContext& context,
              std::optional<CopiedPage> page, SideNumbers numbers, bool carries_code) {
  if (numbers.page == 0 || numbers.marks == 0)
    throw Error(ErrorKind::internal, where_of(context), "a sheet side was imposed without object numbers");

  std::string marks = "Q\n";
  std::string contents = std::string("[") + pdf_reference(kSaveStateObject);
  std::string entries;
  if (page) {
    const PageBox box{page->llx, page->lly, page->urx, page->ury};
    if (profile) marks += draw_side_marks(*profile, context, box, carries_code);
    for (auto number : page->contents) {
      contents += ' ';
      contents += pdf_reference(number);
    }
    entries = page->entries;
    for (auto& object : page->objects) sheet.objects.push_back(std::move(object));
  } else {
    if (profile) marks += draw_side_marks(*profile, context, kBlankA4, carries_code);
    entries = "/MediaBox [" + pdf_number(kBlankA4.llx) + " " + pdf_number(kBlankA4.lly) + " " +
              pdf_number(kBlankA4.urx) + " " + pdf_number(kBlankA4.ury) + "] /Resources << >>";
  }
  contents += ' ';
  contents += pdf_reference(numbers.marks);
  contents += ']';

  std::string body = "<< /Type /Page /Parent " + pdf_reference(kPagesObject) + " /Contents " + contents;
  if (!entries.empty()) {
    body += ' ';
    body += entries;
  }
  body += " >>";
  sheet.objects.push_back({numbers.page, std::move(body)});
  sheet.objects.push_back({numbers.marks, pdf_stream("", marks)});
  sheet.pages.push_back(numbers.page);
}

}  // namespace

SheetNumbers allocate_sheet_numbers(ObjectNumbering& numbering, Sides sides) {
  SheetNumbers numbers;
  numbers.front.page = numbering.allocate();
  numbers.front.marks = numbering.allocate();
  if (sides == Sides::duplex) {
    numbers.back.page = numbering.allocate();
    numbers.back.marks = numbering.allocate();
  }
  return numbers;
}

SheetObjects impose_sheet(const InserterProfile* profile, const SheetContext& context, Sides sides,
                          std::optional<CopiedPage> front, std::optional<CopiedPage> back,
                          const SheetNumbers& numbers) {
  if (sides == Sides::simplex && back)
    throw Error(ErrorKind::internal, where_of(context), "a simplex sheet was given a back page");
  const bool code_on_back = sides == Sides::duplex && profile && profile->side == SheetSide::back;

  SheetObjects sheet;
  add_side(sheet, profile, context, std::move(front), numbers.front, !code_on_back);
  if (sides == Sides::duplex) add_side(sheet, profile, context, std::move(back), numbers.back, code_on_back);
  return sheet;
}

}  // namespace kuvert

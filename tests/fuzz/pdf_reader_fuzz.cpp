// The lazy PDF reader on any bytes: the xref index, object streams, the
// page tree walk, inherited attributes, annotations, ink in the clear zone
// and copying pages.
// Anything but kuvert::Error escaping is a bug (an internal error, exit 4).
#include <podofo/base/PdfError.h>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/source_pdf.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  PoDoFo::PdfError::EnableDebug(false);
  PoDoFo::PdfError::EnableLogging(false);
  const auto path = kuvert::fuzz::input_file(data, size, "spool.pdf");
  try {
    kuvert::SourcePdf spool(path, "spool.pdf");
    kuvert::ObjectNumbering numbering;
    for (std::uint32_t page = 0; page < spool.page_count() && page < 16; ++page) {
      spool.geometry(page);
      spool.obstacle(page);
      spool.ink_in(page, {kuvert::RectMm{190, 80, 16, 74}});
      spool.copy_page(page, 0, numbering);
      spool.copy_page_as_form(page, 1, numbering);
    }
  } catch (const kuvert::Error&) {
  }
  return 0;
}

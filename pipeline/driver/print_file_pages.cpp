#include "pipeline/driver/print_file_pages.hpp"

#include <stdexcept>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"
#include "pipeline/pdf/source_pdf.hpp"

namespace kuvert {

void write_pages_of(const std::filesystem::path& source, const std::string& name, const std::vector<PageSpan>& spans,
                    const std::filesystem::path& target, const std::string& created) {
  SourcePdf pages(source, name);
  ObjectNumbering numbering;
  PdfFileWriter writer(target, PdfFileInfo{name, pdf_date(created), "", ""});
  for (const auto& span : spans)
    for (std::uint32_t page = span.first; page < span.first + span.count; ++page) {
      CopiedPage copied;
      try {
        copied = pages.copy_page(page - 1, 0, numbering);
      } catch (const std::out_of_range&) {
        throw Error(ErrorKind::input, Where{.file = name, .record = "page " + std::to_string(page)},
                    "cannot be copied");
      }
      for (auto& object : copied.objects) writer.write(object);
      std::string body = "<< /Type /Page /Parent " + pdf_reference(kPagesObject) + " /Contents [";
      for (const auto number : copied.contents) body += pdf_reference(number) + " ";
      body += "] " + copied.entries + " >>";
      const std::uint32_t number = numbering.allocate();
      writer.write({number, std::move(body)});
      writer.add_page(number);
    }
  const std::uint32_t info = numbering.allocate();
  writer.finish(info, numbering.next());
}

}  // namespace kuvert

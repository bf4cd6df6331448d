// GET /api/runs/{id}/ticket.pdf: the run's ticket as the print room reads
// it (driver/print_room_pages.hpp: A4, German), made from the ticket when
// asked, in memory, never on disk. Its list of pieces finished by hand
// names documents, so for a sensitive run it is content: operators and
// above, each look audited.
#include <sys/mman.h>
#include <unistd.h>

#include "pipeline/console/run_access.hpp"
#include "pipeline/driver/printer_file.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/service/run_delivery.hpp"

namespace kuvert::console {

namespace {

// An anonymous file in memory, by a path the PDF writer can open.
class MemoryFile {
 public:
  MemoryFile() : fd_(::memfd_create("kuvert-ticket", MFD_CLOEXEC)) {
    if (fd_ < 0) throw_system(Where{.file = "ticket.pdf"}, "cannot make a file in memory");
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::filesystem::path path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

}  // namespace

void add_ticket_route(httplib::Server& server, ConsoleContext& context) {
  server.Get(R"(/api/runs/(\d+)/ticket\.pdf)",
             [&context](const httplib::Request& request, httplib::Response& response) {
               const auto session = session_of(context, request, response, false);
               if (!session) return;
               const auto run = named_run(context, request, response);
               if (!run) return;
               const auto ticket = run_ticket_of(*run);
               if (!ticket) return send_error(response, 404, "the run's ticket is gone or does not read");
               const Printer* printer = printer_named(context.config.printers, run->printer);
               const PrintRoomSheets sheets = service::print_room_sheets(printer ? *printer : Printer{}, *ticket);
               // Made before the look is audited, which only a ticket sent should be;
               // for a viewer of a sensitive run not at all.
               MemoryFile pdf;
               if (content_visible(*run, *session))
                 write_run_ticket_pdf(*ticket, load_fonts(context.config.fonts),
                                      service::print_room_label(*run, context.config), sheets, pdf.path());
               if (!may_see_content(context, *session, *run, "open ticket.pdf", response)) return;
               const std::string name = service::delivered_name(*run, run->name + ".ticket.pdf");
               response.set_header("Content-Disposition", "inline; filename=\"" + name + "\"");
               response.set_header("Cache-Control", "no-store");
               response.set_content(read_text(pdf.path()).value_or(""), "application/pdf");
             });
}

}  // namespace kuvert::console

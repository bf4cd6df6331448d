#include "pipeline/driver/print_room_pages.hpp"

#include <algorithm>
#include <optional>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/error.hpp"
#include "stages/compose/german_format.hpp"
#include "stages/impose/datamatrix_code.hpp"
#include "stages/impose/mark_drawing.hpp"

namespace kuvert {

using compose::integer_text;
using compose::money;

namespace {

constexpr double kLeft = 56;  // 20 mm
constexpr double kTop = 780;

std::string sides_text(const std::string& sides) { return sides == "simplex" ? "einseitig" : "beidseitig"; }

std::string or_dash(const std::string& text) { return text.empty() ? "–" : text; }

std::string due_text(const RunTicket& ticket) {
  return ticket.due ? compose::date_text(*ticket.due).value_or(*ticket.due) : "–";
}

std::string envelope_text(const TicketProduction& production) {
  return production.envelope_format.empty() ? production.envelope
                                            : production.envelope + " (" + production.envelope_format + ")";
}

std::string inserts_text(const TicketProduction& production) {
  std::string text;
  for (const auto& insert : production.inserts)
    text += (text.empty() ? "" : ", ") + insert.feeder + (insert.insert.empty() ? "" : ": " + insert.insert);
  return text.empty() ? "keine" : text;
}

std::string postage_text(const TicketPostage& postage) {
  if (!postage.total_cents)
    return "unbekannt (" + integer_text(static_cast<std::int64_t>(postage.unpriced_pieces)) + " ohne Produkt)";
  return money(*postage.total_cents);
}

std::string inserter_text(const TicketProduction& production) {
  return production.manual_handling ? "Handverarbeitung" : production.inserter;
}

std::string part_text(const RunTicket& ticket) {
  return ticket.parts > 1 ? "Teil " + std::to_string(ticket.part) + " von " + std::to_string(ticket.parts) : "";
}

// Labelled lines: the label in bold, the value beside it, cut to the room.
class Rows {
 public:
  Rows(TextPage& page, double y, double size, double left, double right)
      : page_(page), y_(y), size_(size), left_(left), value_x_(left + 120), right_(right) {}
  void row(const std::string& label, const std::string& value) {
    page_.text(label, left_, y_, size_, true);
    page_.text(page_.fitted(value, size_, right_ - value_x_), value_x_, y_, size_);
    y_ -= size_ * 1.5;
  }
  double y() const { return y_; }
  void skip(double points) { y_ -= points; }

 private:
  TextPage& page_;
  double y_, size_, left_, value_x_, right_;
};

// A DataMatrix of `payload` with its top-left corner at (x, y) mm from the
// page's top left, `module` mm a module: placed as a profile places its
// code, by the same drawing.
std::string code_at(const std::string& payload, double x, double y, double module) {
  InserterProfile placement;
  placement.code_x_mm = x;
  placement.code_y_mm = y;
  placement.module_mm = module;
  return draw_modules(placement, datamatrix_modules(payload), kBlankA4);
}

// The column, in points, that text and codes keep to: left of a zone in
// the sheet's right half, right of one in its left half, 5 mm away.
struct Column {
  double left = kLeft, right = 540;
};
Column column_beside(const std::vector<RectMm>& keep_clear) {
  Column column;
  for (const auto& zone : keep_clear) {
    if (zone.width <= 0 || zone.height <= 0) continue;
    if (zone.x + zone.width / 2 > kA4WidthMm / 2)
      column.right = std::min(column.right, (zone.x - 5) * kPointsPerMm);
    else
      column.left = std::max(column.left, (zone.x + zone.width + 5) * kPointsPerMm);
  }
  return column;
}

}  // namespace

void draw_banner(TextPage& page, const RunTicket& ticket, const RunLabel& label,
                 const std::vector<RectMm>& keep_clear, bool diverted) {
  const auto [left, right] = column_beside(keep_clear);
  page.text(page.fitted("BANNERBLATT – kein Teil einer Sendung", 14, right - left, true), left, kTop, 14, true);
  page.text(page.fitted(label.number, 40, right - left, true), left, kTop - 56, 40, true);
  if (ticket.parts > 1) page.text(part_text(ticket), left, kTop - 80, 14);
  Rows rows(page, kTop - 116, 12, left, right);
  rows.row("Auftrag", ticket.job);
  rows.row("Mandant", ticket.client + (ticket.application.empty() ? "" : " (" + ticket.application + ")"));
  rows.row("Sendungen", integer_text(static_cast<std::int64_t>(ticket.counts.pieces)));
  rows.row("Blatt", integer_text(static_cast<std::int64_t>(ticket.counts.sheets)) + " (ohne dieses)");
  rows.row("Seiten", integer_text(static_cast<std::int64_t>(ticket.counts.pages)));
  rows.row("Papier", ticket.production.paper);
  rows.row("Druck", sides_text(ticket.production.sides));
  rows.row("Umschlag", envelope_text(ticket.production));
  rows.row("Kuvertierer", inserter_text(ticket.production));
  rows.row("Beilagen", inserts_text(ticket.production));
  rows.row("Porto", postage_text(ticket.postage));
  for (const auto& [product, line] : ticket.postage.products)
    rows.row("",
             product + ": " + integer_text(static_cast<std::int64_t>(line.pieces)) + " Stück, " + money(line.cents));
  rows.row("Fällig", due_text(ticket));
  rows.row("Erstellt", or_dash(label.created));
  rows.row("Drucker", or_dash(label.printer));
  rows.row("Druckdatei", or_dash(label.file));
  // The run number as a code for the hand scanner, 1 mm a module.
  page.draw(code_at(label.number, left / kPointsPerMm, 232, 1));
  page.text("Lauf " + label.number, left, 100, 10);
  page.text(page.fitted(diverted ? "Der Kuvertierer steuert dieses Blatt aus." : "Vor dem Kuvertieren entnehmen.", 12,
                        right - left, true),
            left, 70, 12, true);
}

void draw_separator(TextPage& page, const RunTicket& ticket, const RunLabel& label, std::size_t index) {
  const TicketManualPiece& piece = ticket.manual_pieces.at(index);
  page.text("TRENNBLATT – Handverarbeitung", kLeft, kTop, 14, true);
  page.text("Sendung " + integer_text(static_cast<std::int64_t>(index + 1)) + " von " +
                integer_text(static_cast<std::int64_t>(ticket.manual_pieces.size())),
            kLeft, kTop - 44, 28, true);
  Rows rows(page, kTop - 84, 12, kLeft, 540);
  rows.row("Sendung", piece.piece);
  rows.row("Blatt", integer_text(static_cast<std::int64_t>(piece.sheets)) + (piece.sheets == 1 ? " folgt" : " folgen"));
  std::string documents;
  for (const auto& document : piece.documents) documents += (documents.empty() ? "" : ", ") + document;
  rows.row("Dokumente", documents);
  rows.row("Umschlag", envelope_text(ticket.production));
  rows.row("Grund", or_dash(piece.reason));
  rows.row("Lauf", label.number);
  page.draw(code_at(piece.piece, 20, 120, 0.75));
}

namespace {

constexpr double kTicketBottom = 110;

// Continues the ticket on a new page when fewer than `needed` points are
// left above its foot.
class TicketPages {
 public:
  TicketPages(TextFonts& fonts, const RunLabel& label) : fonts_(fonts), label_(label) { start(); }

  TextPage& page() { return *page_; }
  double& y() { return y_; }
  void need(double points) {
    if (y_ - points < kTicketBottom) start();
  }
  void heading(const std::string& text) {
    need(40);
    y_ -= 10;
    page_->text(text, kLeft, y_, 11, true);
    page_->rule(y_ - 4);
    y_ -= 18;
  }
  void row(const std::string& label, const std::string& value) {
    need(14);
    page_->text(label, kLeft, y_, 9, true);
    page_->text(page_->fitted(value, 9, 540 - kLeft - 130), kLeft + 130, y_, 9);
    y_ -= 13;
  }
  std::vector<std::string> finish() {
    done_.push_back(page_->operators());
    return std::move(done_);
  }

 private:
  void start() {
    if (page_) done_.push_back(page_->operators());
    page_.emplace(fonts_);
    page_->text("Laufzettel " + label_.number, kLeft, kTop, 16, true);
    if (!done_.empty()) page_->number("Fortsetzung, Blatt " + std::to_string(done_.size() + 1), 540, kTop, 9);
    y_ = kTop - 30;
  }

  TextFonts& fonts_;
  const RunLabel& label_;
  std::optional<TextPage> page_;
  std::vector<std::string> done_;
  double y_ = kTop;
};

std::string count(std::size_t value) { return integer_text(static_cast<std::int64_t>(value)); }

}  // namespace

std::vector<std::string> ticket_pages(TextFonts& fonts, const RunTicket& ticket, const RunLabel& label,
                                      const PrintRoomSheets& sheets) {
  TicketPages pages(fonts, label);
  const TicketProduction& production = ticket.production;
  pages.heading("Auftrag");
  pages.row("Auftrag", ticket.job);
  pages.row("Lauf", ticket.run + (ticket.parts > 1 ? ", " + part_text(ticket) : ""));
  pages.row("Mandant", ticket.client);
  pages.row("Anwendung", or_dash(ticket.application));
  pages.row("Erstellt", or_dash(label.created));
  pages.row("Fällig", due_text(ticket));
  pages.row("Drucker", or_dash(label.printer));
  pages.row("Druckdatei", or_dash(label.file));
  if (ticket.reprint_of)
    pages.row("Nachdruck", count(ticket.reprint_of->pieces.size()) + " Sendungen aus Lauf " + ticket.reprint_of->run);

  pages.heading("Produktion");
  pages.row("Papier", production.paper);
  pages.row("Druck", sides_text(production.sides));
  pages.row("Umschlag", envelope_text(production));
  pages.row("Kuvertierer", inserter_text(production));
  if (!production.manual_handling) {
    pages.row("Falz", production.fold + "-Falz, Adressblatt " +
                          (production.address_sheet == "last" ? "zuletzt" : "zuerst") + " gedruckt, Form " +
                          production.form);
    pages.row("Kontrollmarken", production.paints_over_source_marks ? "ja, über die Marken der Druckdatei" : "ja");
  }
  pages.row("Beilagen", inserts_text(production));
  std::string extra;
  if (sheets.banner) extra = "1 Bannerblatt vor dem Lauf";
  if (sheets.separators && production.manual_handling)
    extra += (extra.empty() ? "" : ", ") + count(ticket.manual_pieces.size()) +
             (ticket.manual_pieces.size() == 1 ? " Trennblatt" : " Trennblätter");
  pages.row("Zusätzliche Blätter", extra.empty() ? "keine" : extra);

  pages.heading("Mengen");
  pages.row("Sendungen", count(ticket.counts.pieces));
  pages.row("Dokumente", count(ticket.counts.documents) +
                             (ticket.counts.sensitive_documents > 0
                                  ? ", davon " + count(ticket.counts.sensitive_documents) + " vertraulich"
                                  : ""));
  pages.row("Blatt", count(ticket.counts.sheets));
  pages.row("Seiten", count(ticket.counts.pages) + " (" + count(ticket.counts.blank_pages) + " leer)");

  pages.heading("Porto");
  pages.row("Tarif", ticket.postage.tariff + ", gültig ab " +
                         compose::date_text(ticket.postage.valid_from).value_or(ticket.postage.valid_from));
  for (const auto& [product, line] : ticket.postage.products)
    pages.row(product, count(line.pieces) + " Stück, " + money(line.cents));
  pages.row("Summe", postage_text(ticket.postage));

  std::string regions;
  for (const auto& region : ticket.presort.leitregionen)
    regions += (regions.empty() ? "" : ", ") + region.leitregion + ": " + count(region.pieces);
  if (ticket.presort.foreign_pieces > 0)
    regions += (regions.empty() ? "" : ", ") + std::string("Ausland: ") + count(ticket.presort.foreign_pieces);
  pages.heading("Leitregionen");
  pages.need(40);
  pages.y() = pages.page().paragraph(or_dash(regions), kLeft, pages.y(), 9, 540 - kLeft, 12) - 4;

  if (!ticket.manual_pieces.empty()) {
    pages.heading("Handverarbeitung");
    for (const auto& piece : ticket.manual_pieces)
      pages.row(piece.piece, count(piece.sheets) + " Blatt: " + or_dash(piece.reason));
  }

  // Beneath the lowest line any page holds.
  const double y = kTicketBottom - 20;
  pages.page().text("Gedruckt: ________________", kLeft, y, 9);
  pages.page().text(
      production.manual_handling ? "Von Hand kuvertiert: ________________" : "Kuvertiert: ________________", 220, y, 9);
  pages.page().text("Geprüft: ________________", 420, y, 9);
  return pages.finish();
}

}  // namespace kuvert

#include "stages/deliver/run_ticket.hpp"

#include <map>

namespace kuvert {
namespace {

std::string sides_name(Sides sides) { return sides == Sides::duplex ? "duplex" : "simplex"; }

std::string fold_name(LetterFold fold) { return fold == LetterFold::z ? "Z" : "C"; }

}  // namespace

RunTicket run_ticket(const Job& job, const PrintRun& run, const RunContents& contents, const ProfileCatalog& profiles,
                     const PdfFileResult& file, const std::string& created, const std::string& job_key) {
  RunTicket ticket;
  TicketCounts& counts = ticket.counts;
  TicketPostage& postage = ticket.postage;
  std::map<std::string, std::size_t> leitregionen;
  long total_cents = 0;
  for (const auto& piece : contents.pieces) {
    counts.documents += piece.documents.size();
    counts.sheets += piece.sheet_count;
    for (auto index : piece.documents) {
      counts.document_pages += job.documents[index].page_count;
      counts.sensitive_documents += job.settings_of(job.documents[index]).sensitive ? 1 : 0;
    }
    if (piece.product.empty()) {
      ++postage.unpriced_pieces;
    } else {
      auto& product = postage.products[piece.product];
      ++product.pieces;
      product.cents += piece.postage_cents;
      total_cents += piece.postage_cents;
    }
    const Recipient& recipient = contents.identity(piece.documents.front()).recipient;
    if (recipient.domestic())
      ++leitregionen[recipient.postcode.substr(0, 2)];
    else
      ++ticket.presort.foreign_pieces;
    if (piece.manual) {
      auto& manual =
          ticket.manual_pieces.emplace_back(TicketManualPiece{.piece = coded_piece_id(job_key, run.id, piece.id),
                                                              .sheets = piece.sheet_count,
                                                              .reason = piece.manual_reason});
      for (auto index : piece.documents) manual.documents.push_back(contents.identity(index).id);
    }
  }
  for (const auto& [region, count] : leitregionen) ticket.presort.leitregionen.push_back({region, count});
  counts.pieces = contents.pieces.size();
  counts.pages = file.pages;
  counts.blank_pages = file.pages - counts.document_pages;
  postage.tariff = profiles.tariff.name;
  postage.valid_from = profiles.tariff.valid_from;
  postage.currency = profiles.tariff.currency;
  if (postage.unpriced_pieces == 0) postage.total_cents = total_cents;

  const auto& inserter = profiles.inserters.at(run.settings.inserter);
  TicketProduction& production = ticket.production;
  for (const auto& name : run.settings.inserts) {
    const auto* feeder = inserter.feeder(name);
    production.inserts.push_back({name, feeder ? feeder->insert : ""});
  }
  const auto envelope = profiles.envelopes.find(run.settings.envelope);
  const bool manual = run.settings.manual;
  production.paper = run.settings.paper;
  production.sides = sides_name(run.settings.sides);
  production.envelope = run.settings.envelope;
  production.envelope_format = envelope == profiles.envelopes.end() ? "" : envelope->second.format;
  production.inserter = run.settings.inserter;
  production.control_marks = !manual;
  production.paints_over_source_marks = !manual && inserter.paint_over_source_marks;
  production.fold = manual ? "" : fold_name(inserter.fold);
  production.address_sheet = manual || !address_sheet_printed_last(inserter) ? "first" : "last";
  production.manual_handling = manual;
  production.form = std::string(1, job.form == LetterForm::a ? 'A' : 'B');

  ticket.run = run.id;
  ticket.part = run.part;
  ticket.parts = run.parts;
  ticket.job = job.name;
  ticket.job_key = job_key;
  ticket.client = job.client;
  ticket.application = job.application;
  if (!job.due.empty()) ticket.due = job.due;
  ticket.created = created;
  ticket.file = run.id + ".pdf";
  ticket.bytes = file.bytes;
  ticket.sha256 = file.sha256;
  return ticket;
}

JobSummary job_summary(const Job& job, const std::vector<RunTicket>& tickets, const std::string& created) {
  JobSummary summary{.job = job.name,
                     .client = job.client,
                     .application = job.application,
                     .created = created,
                     .documents = job.documents.size()};
  std::size_t unpriced = 0;
  long cents = 0;
  for (const auto& ticket : tickets) {
    const auto& counts = ticket.counts;
    summary.pieces += counts.pieces;
    summary.sheets += counts.sheets;
    summary.pages += counts.pages;
    summary.document_pages += counts.document_pages;
    unpriced += ticket.postage.unpriced_pieces;
    cents += ticket.postage.total_cents.value_or(0);
    if (ticket.production.manual_handling) summary.manual_pieces += counts.pieces;
    summary.runs.push_back({ticket.run, ticket.file, counts.pieces, counts.sheets, ticket.production.manual_handling});
  }
  summary.unpriced_pieces = unpriced;
  if (unpriced == 0) summary.postage_cents = cents;
  return summary;
}

}  // namespace kuvert

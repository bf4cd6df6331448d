#include "stages/deliver/run_ticket.hpp"

#include <map>

namespace kuvert {
namespace {

using nlohmann::json;

std::string sides_name(Sides sides) { return sides == Sides::duplex ? "duplex" : "simplex"; }

std::string fold_name(LetterFold fold) { return fold == LetterFold::z ? "Z" : "C"; }

}  // namespace

json run_ticket(const Job& job, const PrintRun& run, const RunContents& contents, const ProfileCatalog& profiles,
                const PdfFileResult& file, const std::string& created, const std::string& job_key) {
  std::size_t documents = 0, document_pages = 0, sheets = 0, sensitive = 0, foreign = 0;
  std::map<std::string, std::pair<std::size_t, long>> postage;  // product -> pieces, cents
  std::map<std::string, std::size_t> leitregionen;
  json manual = json::array();
  long total_cents = 0;
  std::size_t unpriced = 0;  // pieces no postage product takes
  for (const auto& piece : contents.pieces) {
    documents += piece.documents.size();
    sheets += piece.sheet_count;
    for (auto index : piece.documents) {
      document_pages += job.documents[index].page_count;
      sensitive += job.settings_of(job.documents[index]).sensitive ? 1 : 0;
    }
    if (piece.product.empty()) {
      ++unpriced;
    } else {
      auto& product = postage[piece.product];
      ++product.first;
      product.second += piece.postage_cents;
      total_cents += piece.postage_cents;
    }
    const Recipient& recipient = contents.label(piece.documents.front()).recipient;
    if (recipient.domestic())
      ++leitregionen[recipient.postcode.substr(0, 2)];
    else
      ++foreign;
    if (piece.manual) {
      json ids = json::array();
      for (auto index : piece.documents) ids.push_back(contents.label(index).id);
      manual.push_back({{"piece", piece.id}, {"documents", ids}, {"sheets", piece.sheet_count},
                        {"reason", piece.manual_reason}});
    }
  }
  json products = json::object();
  for (const auto& [name, count] : postage) products[name] = {{"pieces", count.first}, {"cents", count.second}};
  json regions = json::array();
  for (const auto& [region, count] : leitregionen) regions.push_back({{"leitregion", region}, {"pieces", count}});

  json inserts = json::array();
  const auto& inserter = profiles.inserters.at(run.settings.inserter);
  for (const auto& name : run.settings.inserts) {
    const auto* feeder = inserter.feeder(name);
    inserts.push_back({{"feeder", name}, {"insert", feeder ? feeder->insert : ""}});
  }
  const auto envelope = profiles.envelopes.find(run.settings.envelope);

  return {
      {"run", run.id},
      {"part", run.part},
      {"parts", run.parts},
      {"job", job.name},
      {"job_key", job_key},
      {"client", job.client},
      {"application", job.application},
      {"created", created},
      {"file", run.id + ".pdf"},
      {"bytes", file.bytes},
      {"sha256", file.sha256},
      {"production",
       {{"paper", run.settings.paper},
        {"sides", sides_name(run.settings.sides)},
        {"envelope", run.settings.envelope},
        {"envelope_format", envelope == profiles.envelopes.end() ? "" : envelope->second.format},
        {"inserter", run.settings.inserter},
        {"inserts", inserts},
        {"control_marks", !run.settings.manual},
        // The sources' own marks in the clear zone were painted over, as
        // the profile allows; otherwise no source had ink there.
        {"paints_over_source_marks", !run.settings.manual && inserter.paint_over_source_marks},
        // How the folder must be set: its fold, and whether each piece's
        // address sheet is its first or last printed sheet.
        {"fold", run.settings.manual ? "" : fold_name(inserter.fold)},
        {"address_sheet", run.settings.manual || !address_sheet_printed_last(inserter) ? "first" : "last"},
        {"manual_handling", run.settings.manual}}},
      {"counts",
       {{"pieces", contents.pieces.size()},
        {"documents", documents},
        {"sensitive_documents", sensitive},
        {"sheets", sheets},
        {"pages", file.pages},
        {"document_pages", document_pages},
        {"blank_pages", file.pages - document_pages}}},
      {"postage",
       {{"tariff", profiles.tariff.name},
        {"valid_from", profiles.tariff.valid_from},
        {"currency", profiles.tariff.currency},
        {"products", products},
        // No total when a piece has no product: its postage is unknown,
        // not nothing (the pieces are in manual_pieces with the reason).
        {"total_cents", unpriced > 0 ? json(nullptr) : json(total_cents)},
        {"unpriced_pieces", unpriced}}},
      {"presort", {{"leitregionen", regions}, {"foreign_pieces", foreign}}},
      {"manual_pieces", manual},
  };
}

json job_summary(const Job& job, const std::vector<json>& tickets, const std::string& created) {
  json runs = json::array();
  std::size_t pieces = 0, sheets = 0, pages = 0, document_pages = 0, manual = 0, unpriced = 0;
  long cents = 0;
  for (const auto& ticket : tickets) {
    const auto& counts = ticket["counts"];
    pieces += counts["pieces"].get<std::size_t>();
    sheets += counts["sheets"].get<std::size_t>();
    pages += counts["pages"].get<std::size_t>();
    document_pages += counts["document_pages"].get<std::size_t>();
    const auto& run_postage = ticket["postage"];
    unpriced += run_postage["unpriced_pieces"].get<std::size_t>();
    if (!run_postage["total_cents"].is_null()) cents += run_postage["total_cents"].get<long>();
    if (ticket["production"]["manual_handling"].get<bool>()) manual += counts["pieces"].get<std::size_t>();
    runs.push_back({{"run", ticket["run"]},
                    {"file", ticket["file"]},
                    {"pieces", counts["pieces"]},
                    {"sheets", counts["sheets"]},
                    {"manual_handling", ticket["production"]["manual_handling"]}});
  }
  return {{"job", job.name},      {"client", job.client}, {"application", job.application},
          {"created", created},   {"documents", job.documents.size()},
          {"pieces", pieces},     {"manual_pieces", manual},
          {"sheets", sheets},     {"pages", pages},
          {"document_pages", document_pages},
          {"postage_cents", unpriced > 0 ? json(nullptr) : json(cents)},
          {"unpriced_pieces", unpriced}, {"runs", runs}};
}

}  // namespace kuvert

#include "stages/deliver/piece_manifest.hpp"

#include <cstdio>

#include "stages/deliver/csv_text.hpp"

namespace kuvert {
namespace {

std::string grams(double weight) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", weight);
  return text;
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : separator) + part;
  return text;
}

// The address as one line: name lines, street, postcode and town, country.
std::string address_line(const Recipient& r) {
  auto parts = r.name;
  parts.push_back(r.street);
  parts.push_back(r.postcode.empty() ? r.city : r.postcode + " " + r.city);
  if (!r.domestic()) parts.push_back(r.country);
  return join(parts, ", ");
}

}  // namespace

std::string piece_manifest_csv(const Job& job, const PrintRun& run, const RunContents& contents,
                               const std::string& job_key) {
  std::string csv =
      "piece_id,sequence,documents,recipient,postcode,country,first_sheet,last_sheet,sheets,weight_g,envelope,product,"
      "postage_cents,inserts,sensitive,manual_reason\r\n";
  std::size_t sheet = 1;
  for (const auto& piece : contents.pieces) {
    std::vector<std::string> ids;
    bool sensitive = false;
    for (auto index : piece.documents) {
      ids.push_back(contents.identity(index).id);
      sensitive = sensitive || job.settings_of(job.documents[index]).sensitive;
    }
    const Recipient& recipient = contents.identity(piece.documents.front()).recipient;
    const std::size_t last = sheet + piece.sheet_count - 1;
    const std::vector<std::string> row = {coded_piece_id(job_key, run.id, piece.id),
                                          std::to_string(piece.sequence),
                                          join(ids, " "),
                                          address_line(recipient),
                                          recipient.postcode,
                                          recipient.country,
                                          std::to_string(sheet),
                                          std::to_string(last),
                                          std::to_string(piece.sheet_count),
                                          grams(piece.weight_g),
                                          piece.envelope,
                                          piece.product,
                                          piece.product.empty() ? "" : std::to_string(piece.postage_cents),
                                          join(piece.inserts, " "),
                                          sensitive ? "yes" : "no",
                                          piece.manual_reason};
    csv += csv_row(row);
    sheet = last + 1;
  }
  return csv;
}

}  // namespace kuvert

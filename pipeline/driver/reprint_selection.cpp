#include "pipeline/driver/reprint_selection.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include "pipeline/model/error.hpp"
#include "stages/ingest/document_entries.hpp"

namespace kuvert {

ReprintOrder read_reprint_order(const std::filesystem::path& file) {
  const Where where{.file = file.string()};
  std::ifstream in(file);
  if (!in) throw_input(where, "cannot be opened");
  try {
    return nlohmann::json::parse(in).get<ReprintOrder>();
  } catch (const nlohmann::json::exception& error) {
    throw_input(where, std::string("is no reprint order: ") + error.what());
  }
}

std::set<std::string> reprinted_documents(const ReprintOrder& order) {
  std::set<std::string> documents;
  for (const auto& piece : order.pieces) documents.insert(piece.documents.begin(), piece.documents.end());
  return documents;
}

void keep_reprinted_documents(Job& job, const ReprintOrder& order) {
  std::set<std::string> wanted = reprinted_documents(order);
  if (wanted.empty()) throw_input(Where{.job = job.name}, "the reprint order names no documents");
  std::vector<Document> documents;
  std::vector<RecipientKey> recipients;
  // Ids are not kept in memory: each is read back from its entry.
  DocumentEntries entries(job);
  for (std::uint32_t i = 0; i < job.documents.size() && !wanted.empty(); ++i) {
    if (wanted.erase(entries.identity(i).id) == 0) continue;
    documents.push_back(std::move(job.documents[i]));
    if (i < job.recipients.size()) recipients.push_back(std::move(job.recipients[i]));
  }
  if (!wanted.empty()) {
    std::vector<Diagnostic> problems;
    for (const auto& id : wanted)
      problems.push_back(
          {Where{.job = job.name, .document = id}, "is to be reprinted, but the job has no such document"});
    throw Error(ErrorKind::input, std::move(problems));
  }
  job.documents = std::move(documents);
  job.recipients = std::move(recipients);
}

TicketReprint replaced_pieces(const ReprintOrder& order, const std::set<std::string>& documents) {
  TicketReprint reprint{order.run, {}};
  for (const auto& piece : order.pieces)
    if (std::any_of(piece.documents.begin(), piece.documents.end(),
                    [&](const std::string& document) { return documents.contains(document); }))
      reprint.pieces.push_back(piece.piece);
  return reprint;
}

}  // namespace kuvert

#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pipeline/model/document.hpp"
#include "pipeline/model/production.hpp"

namespace kuvert {

// One physical sheet: the page printed on each side, or none (blank).
// Simplex sheets never have a back page.
struct Sheet {
  std::optional<PageRef> front;
  std::optional<PageRef> back;
};

// The documents of consecutive mail pieces, stored flat: a job's pieces are
// most of what planning holds, and a vector per piece would weigh more than
// the indices in it.
class PieceDocuments {
 public:
  PieceDocuments() = default;
  // `starts`: where each piece begins in `documents`, ascending.
  PieceDocuments(std::vector<std::uint32_t> documents, std::vector<std::uint32_t> starts)
      : documents_(std::move(documents)), starts_(std::move(starts)) {}

  void add_piece() { starts_.push_back(static_cast<std::uint32_t>(documents_.size())); }
  void add_document(std::uint32_t document) { documents_.push_back(document); }
  void reserve(std::size_t pieces, std::size_t documents) {
    starts_.reserve(pieces);
    documents_.reserve(documents);
  }

  std::size_t size() const { return starts_.size(); }
  bool empty() const { return starts_.empty(); }
  std::size_t document_count() const { return documents_.size(); }
  // Indices into Job::documents of the documents of piece `piece`, in order.
  std::span<const std::uint32_t> operator[](std::size_t piece) const {
    const std::size_t end = piece + 1 < starts_.size() ? starts_[piece + 1] : documents_.size();
    return {documents_.data() + starts_[piece], end - starts_[piece]};
  }

 private:
  std::vector<std::uint32_t> documents_;
  std::vector<std::uint32_t> starts_;  // where each piece begins in documents_
};

// One envelope to one recipient: one or more documents of the job's client,
// weighed, with its envelope and postage. Pieces are made in full for one
// run at a time (plan/pieces.hpp); the job as a whole is planned in the
// compact form of PieceDocuments.
struct MailPiece {
  std::string id;                                  // "R0001-000001", set when runs are numbered
  std::uint32_t sequence = 0;                      // 1-based, continuous within its run
  std::vector<std::uint32_t> documents;            // indices into Job::documents, in order
  const Document* lead = nullptr;                  // the first of them; points into the Job
  const ProductionSettings* production = nullptr;  // the lead's settings, which the others share for production
  std::vector<std::string> inserts;                // feeder stations of all its documents, in station order
  std::size_t sheet_count = 0;
  double weight_g = 0;
  double thickness_mm = 0;
  std::string envelope;  // envelope profile name
  std::string product;   // postage product name; empty when none fits
  long postage_cents = 0;
  bool manual = false;  // the inserter cannot take it
  std::string manual_reason;

  const ProductionSettings& settings() const { return *production; }
};

// A piece's id as its 2D code and the control files carry it, set apart
// from other jobs' pieces by the job key: "3F2A9C1D-R0001-000042". A piece
// id without its run's prefix gets it.
inline std::string coded_piece_id(const std::string& job_key, const std::string& run_id, const std::string& piece_id) {
  std::string id = job_key.empty() ? "" : job_key + "-";
  if (!piece_id.starts_with(run_id + "-")) id += run_id + "-";
  return id + piece_id;
}

}  // namespace kuvert

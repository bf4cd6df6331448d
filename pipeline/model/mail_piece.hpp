#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/document.hpp"

namespace kuvert {

// One physical sheet: the page printed on each side, or none (blank).
// Simplex sheets never have a back page.
struct Sheet {
  std::optional<PageRef> front;
  std::optional<PageRef> back;
};

// One envelope to one recipient: one or more documents of the job's client.
// A job's pieces are the largest thing planning holds, so a piece refers to
// its first document for the recipient and production settings it shares
// with the others instead of copying them.
struct MailPiece {
  std::string id;                // "R0001-000001", set when runs are numbered
  std::uint32_t sequence = 0;    // 1-based, continuous within its run
  std::vector<std::size_t> documents;  // indices into Job::documents, in order
  const Document* lead = nullptr;      // the first of them; points into the Job, which outlives its pieces
  std::vector<std::string> inserts;    // feeder stations of all its documents, in station order
  std::vector<Sheet> sheets;
  double weight_g = 0;
  double thickness_mm = 0;
  std::string envelope;          // envelope profile name
  std::string product;           // postage product name; empty when none fits
  long postage_cents = 0;
  bool manual = false;           // the inserter cannot take it
  std::string manual_reason;

  const Recipient& recipient() const { return lead->recipient; }
  const ProductionSettings& settings() const { return *lead->settings; }
};

}  // namespace kuvert

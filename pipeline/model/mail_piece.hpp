#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/document.hpp"
#include "pipeline/model/production.hpp"
#include "pipeline/model/recipient.hpp"

namespace kuvert {

// One physical sheet: the page printed on each side, or none (blank).
// Simplex sheets never have a back page.
struct Sheet {
  std::optional<PageRef> front;
  std::optional<PageRef> back;
};

// One envelope to one recipient: one or more documents of one client.
struct MailPiece {
  std::string id;                // "R0001-000001", set when runs are numbered
  std::uint32_t sequence = 0;    // 1-based, continuous within its run
  std::vector<std::size_t> documents;  // indices into Job::documents, in order
  Recipient recipient;
  std::string client;
  ProductionSettings settings;   // shared by all its documents
  std::vector<Sheet> sheets;
  double weight_g = 0;
  double thickness_mm = 0;
  std::string envelope;          // envelope profile name
  std::string product;           // postage product name; empty when none fits
  long postage_cents = 0;
  bool manual = false;           // the inserter cannot take it
  std::string manual_reason;
};

}  // namespace kuvert

#pragma once
// The body of POST /api/runs/ID/reconcile and /clear: what an operator
// decides for pieces, as `kuvert runs reconcile` and `clear` take it,
//   {"set": {"PIECE": "reprint", ...}, "rest": "ok", "reason": "...", "finding": "..."}
// every key optional, nothing else, read as strictly as a login.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kuvert::console {

struct ReconcileRequest {
  std::vector<std::pair<std::string, std::string>> set;  // piece id, verdict as sent
  std::string rest;
  std::string reason;
  std::string finding;
};

inline constexpr std::size_t kMaxReconcilePieces = 10000;
inline constexpr std::size_t kMaxReconcileText = 2000;  // bytes of any one string

// Nothing when the body is not such an object: other keys, other types,
// more than kMaxReconcilePieces pieces, or a string longer than
// kMaxReconcileText bytes.
std::optional<ReconcileRequest> read_reconcile_request(const std::string& body);

}  // namespace kuvert::console

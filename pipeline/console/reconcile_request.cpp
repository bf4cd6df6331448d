#include "pipeline/console/reconcile_request.hpp"

#include "stages/ingest/strict_json.hpp"

namespace kuvert::console {

std::optional<ReconcileRequest> read_reconcile_request(const std::string& body) {
  nlohmann::json value;
  try {
    value = parse_strict_json(body);
  } catch (const JsonRefused&) {
    return std::nullopt;
  }
  if (!value.is_object()) return std::nullopt;
  const auto short_text = [](const nlohmann::json& text) {
    return text.is_string() && text.get_ref<const std::string&>().size() <= kMaxReconcileText;
  };
  ReconcileRequest request;
  for (const auto& [key, field] : value.items()) {
    if (key == "set") {
      if (!field.is_object() || field.size() > kMaxReconcilePieces) return std::nullopt;
      for (const auto& [piece, verdict] : field.items()) {
        if (piece.size() > kMaxReconcileText || !short_text(verdict)) return std::nullopt;
        request.set.emplace_back(piece, verdict.get<std::string>());
      }
    } else if (key == "rest" || key == "reason" || key == "finding") {
      if (!short_text(field)) return std::nullopt;
      (key == "rest" ? request.rest : key == "reason" ? request.reason : request.finding) = field.get<std::string>();
    } else {
      return std::nullopt;
    }
  }
  return request;
}

}  // namespace kuvert::console

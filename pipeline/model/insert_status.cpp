#include "pipeline/model/insert_status.hpp"

#include <array>
#include <utility>

namespace kuvert {
namespace {

constexpr std::array<std::pair<InsertStatus, std::string_view>, 6> kNames{{{InsertStatus::ok, "ok"},
                                                                            {InsertStatus::damaged, "damaged"},
                                                                            {InsertStatus::missing, "missing"},
                                                                            {InsertStatus::pulled, "pulled"},
                                                                            {InsertStatus::duplicate, "duplicate"},
                                                                            {InsertStatus::hand_mailed, "hand-mailed"}}};

}  // namespace

std::string_view name(InsertStatus status) {
  for (const auto& [value, text] : kNames)
    if (value == status) return text;
  return "?";
}

std::optional<InsertStatus> parse_insert_status(std::string_view text) {
  for (const auto& [value, name] : kNames)
    if (name == text) return value;
  return std::nullopt;
}

}  // namespace kuvert

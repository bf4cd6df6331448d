#pragma once
// layouts/notification.toml and the holiday lists it names
// (layouts/holidays/NAME.toml): when each client's notices count as
// notified. Without notification.toml every client gets the law's text.
// Every problem of the files is thrown at once (kuvert::Error, input),
// naming file and field.
#include <filesystem>
#include <map>
#include <string>

#include "stages/reconcile/notification_date.hpp"

namespace kuvert {

struct NotificationRules {
  std::map<std::string, NotificationRule> by_client;
  // A client without rules: the law's own text.
  const NotificationRule& of(const std::string& client) const;
};

NotificationRules load_notification_rules(const std::filesystem::path& layouts);

}  // namespace kuvert

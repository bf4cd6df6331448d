#include "pipeline/profiles/load_notification_rules.hpp"

#include "pipeline/model/iso_date.hpp"
#include "pipeline/profiles/toml_fields.hpp"
#include "pipeline/profiles/toml_files.hpp"

namespace kuvert {

namespace {

// A holiday list's days; empty (with problems recorded) when it does not read.
std::set<std::chrono::sys_days> holidays_in(TomlFiles& files, const std::string& relative,
                                            std::vector<Diagnostic>& problems) {
  std::set<std::chrono::sys_days> days;
  const auto document = files.parse(relative);
  if (!document) return days;
  TomlFields top(*document, in_file(relative), problems);
  top.text("name");
  each_table(top, "holiday", true, [&](TomlFields& holiday) {
    if (const auto date = holiday.date("date")) {
      if (const auto day = parse_iso_date(*date))
        days.insert(std::chrono::sys_days(*day));
      else
        holiday.problem("date", "expected a day from the years 0001 to 9999, got " + *date);
    }
    holiday.text("name");
  });
  top.reject_unknown();
  return days;
}

}  // namespace

const NotificationRule& NotificationRules::of(const std::string& client) const {
  static const NotificationRule law;
  const auto found = by_client.find(client);
  return found == by_client.end() ? law : found->second;
}

NotificationRules load_notification_rules(const std::filesystem::path& layouts) {
  std::vector<Diagnostic> problems;
  TomlFiles files(layouts, problems);
  NotificationRules rules;
  std::error_code error;
  if (!std::filesystem::exists(layouts / "notification.toml", error)) return rules;  // the law's text for all
  if (const auto document = files.parse("notification.toml")) {
    rules.by_client = read_stocks<NotificationRule>(
        *document, "notification.toml", "client", problems, [&](TomlFields& fields, const std::string&) {
          NotificationRule rule;
          rule.days = static_cast<int>(fields.integer("days", 0, 30).value_or(4));
          rule.next_working_day = fields.flag("next_working_day").value_or(false);
          if (fields.has("holidays")) {
            const std::string name = fields.text("holidays").value_or("");
            if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos)
              fields.problem("holidays", "expected the name of a file in holidays/ (a-z, 0-9, - and _)");
            else if (!name.empty())
              rule.holidays = holidays_in(files, "holidays/" + name + ".toml", problems);
          }
          fields.reject_unknown();
          return std::optional(rule);
        });
  }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return rules;
}

}  // namespace kuvert

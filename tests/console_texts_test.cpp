// The console's texts: German and English say the same things, and every
// text the console asks for is there in both (a missing one would show as
// its key).
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/console/web_assets.hpp"
#include "pipeline/model/insert_status.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/run_workflow.hpp"
#include "stages/impose/proof_zones.hpp"

namespace {

std::string asset(std::string_view path) {
  for (const auto& file : kuvert::console::web_assets())
    if (file.path == path) return std::string(file.data, file.size);
  FAIL("no console asset " << path);
  return {};
}

// The keys of a texts file: each entry is `"key": value` after `{`, `,` or
// the start of a line.
std::set<std::string> keys_of(const std::string& texts) {
  static const std::regex key(R"re((?:^|[{,])\s*"([^"]+)":)re", std::regex::multiline);
  std::set<std::string> keys;
  for (auto it = std::sregex_iterator(texts.begin(), texts.end(), key); it != std::sregex_iterator(); ++it)
    keys.insert((*it)[1]);
  return keys;
}

}  // namespace

TEST_CASE("Console texts: German and English have the same keys, and every key the console uses", "[console]") {
  const auto german = keys_of(asset("/texts.de.js")), english = keys_of(asset("/texts.en.js"));
  CHECK(german.size() > 200);
  CHECK(german == english);
  CHECK(german.count("run_state.awaiting_release") == 1);

  // t("key") and numeric("key") in the console, and the page's data-text.
  std::set<std::string> used;
  static const std::regex call(
      R"re((?:\bt|numeric)\("([a-z_]+\.[a-z_.]+|[a-z_]+)"|data-text="([^"]+)"|label: "(col\.[a-z_]+)")re");
  for (const std::string file : {"/console.js", "/sheet_viewer.js", "/index.html"}) {
    const std::string text = asset(file);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it)
      for (int group = 1; group <= 3; ++group)
        if ((*it)[group].matched) used.insert((*it)[group]);
  }
  CHECK(used.size() > 100);
  for (const auto& key : used) {
    INFO("text " << key);
    CHECK(german.count(key) == 1);
  }
}

TEST_CASE("Console texts: every state, action, role, kind, status, zone and refusal the server names has words",
          "[console]") {
  using namespace kuvert;
  using namespace kuvert::store;
  std::set<std::string> needed;
  // Every value of an enum from its first to `last`, named as the server does.
  const auto each = [&needed](const std::string& kind, auto last, auto name_of) {
    for (int i = 0; i <= static_cast<int>(last); ++i)
      needed.insert(kind + "." + std::string(name_of(static_cast<decltype(last)>(i))));
  };
  const auto named = [](auto value) { return name(value); };
  each("run_state", RunState::cancelled, named);
  each("action", RunAction::redeliver, named);  // offered to a person, or named by a refusal
  each("role", Role::admin, named);
  each("job_state", JobState::failed, named);
  each("input_state", InputState::duplicate, named);
  each("kind", InboxKind::printfile, named);
  each("piece_status", InsertStatus::hand_mailed, named);
  each("zone", ZoneKind::split, [](ZoneKind kind) { return zone_name(kind); });
  // The codes the API answers with, and the overlay's problems.
  for (const char* code :
       {"wrong_state", "role_needed", "four_eyes", "no_confirmation_needed", "being_delivered", "reprints_open",
        "pieces_without_status", "finding_needed", "posting_day_needed", "reason_needed", "login_refused",
        "not_logged_in", "csrf", "sensitive_content", "no_run", "no_sheet", "one_sided", "no_page", "no_document"})
    needed.insert("error." + std::string(code));
  for (const char* problem : {"ticket", "profiles", "profile"}) needed.insert("overlay." + std::string(problem));

  const auto german = keys_of(asset("/texts.de.js"));
  for (const auto& key : needed) {
    INFO("text " << key);
    CHECK(german.count(key) == 1);
  }
}

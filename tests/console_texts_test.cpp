// The console's texts: German and English say the same things, and every
// text the console asks for is there in both (a missing one would show as
// its key).
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

#include "pipeline/console/web_assets.hpp"

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
  for (const std::string file : {"/console.js", "/index.html"}) {
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

#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/config/service_config.hpp"
#include "pipeline/model/error.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/temp_folder.hpp"

using kuvert::load_service_config;

namespace {

std::filesystem::path write_config(const std::filesystem::path& folder, const std::string& text) {
  const auto file = folder / "kuvert.toml";
  std::ofstream(file) << text;
  return file;
}

std::string problems_of(const std::filesystem::path& file) {
  try {
    load_service_config(file, "layouts", "fonts");
  } catch (const kuvert::Error& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("The sample service configuration loads with paths from its folder", "[service]") {
  const auto samples = kuvert::test::source_dir() / "samples";
  const auto layouts = kuvert::test::source_dir() / "layouts";
  const auto config = load_service_config(samples / "kuvert.toml", layouts, "/opt/fonts");
  CHECK(config.store == (kuvert::test::source_dir() / "out/service/store").lexically_normal());
  CHECK(config.listen_host == "127.0.0.1");
  CHECK(config.listen_port == 8470);
  CHECK(config.layouts == layouts);
  REQUIRE(config.printers.size() == 1);
  REQUIRE(config.inboxes.size() == 4);
  CHECK(config.inboxes[0].kind == kuvert::InboxKind::job);
  CHECK(config.inboxes[0].printer == "drucker-1");
  CHECK(config.inboxes[1].kind == kuvert::InboxKind::printfile);
  CHECK(config.inboxes[1].split == "nachbarstadt-bezuege");
  CHECK(config.inboxes[1].printer == "drucker-1");
  CHECK(config.inboxes[2].kind == kuvert::InboxKind::scan);
  CHECK(config.inboxes[2].profile == "posteingang");
  CHECK(config.inboxes[2].poll_seconds == 2);
  // The printer's results folder, watched as an inbox of its own.
  CHECK(config.printers[0].results ==
        (kuvert::test::source_dir() / "out/service/drucker/drucker-1-results").lexically_normal());
  CHECK(config.inboxes[3].name == "drucker-1.results");
  CHECK(config.inboxes[3].kind == kuvert::InboxKind::results);
  CHECK(config.inboxes[3].folder == config.printers[0].results);
  CHECK(config.inboxes[3].printer == "drucker-1");
  CHECK(config.inboxes[3].poll_seconds == 2);
}

TEST_CASE("Defaults: loopback console, first printer, two stable checks", "[service]") {
  kuvert::test::TempFolder temp;
  const auto config = load_service_config(write_config(temp.path(), R"(
[store]
folder = "store"
[[printer]]
name = "p1"
folder = "/srv/p1"
[[inbox]]
name = "in"
folder = "in"
kind = "job"
client = "musterstadt"
)"),
                                          "layouts", "fonts");
  CHECK(config.store == temp.path() / "store");
  CHECK(config.listen_host == "127.0.0.1");
  CHECK(config.listen_port == 8470);
  CHECK(config.session_seconds == 1800);
  CHECK(config.inboxes[0].printer == "p1");
  CHECK(config.inboxes[0].folder == temp.path() / "in");
  CHECK(config.inboxes[0].stable_checks == 2);
  CHECK_FALSE(config.printers[0].banner);
  CHECK_FALSE(config.printers[0].separators);
  CHECK_FALSE(config.printers[0].ticket);
}

TEST_CASE("A printer asks for banner sheets, separators and ticket PDFs, each on its own", "[service]") {
  kuvert::test::TempFolder temp;
  const auto config = load_service_config(write_config(temp.path(), R"(
[store]
folder = "store"
[[printer]]
name = "p1"
folder = "/srv/p1"
banner = true
ticket = true
[[printer]]
name = "p2"
folder = "/srv/p2"
separators = true
)"),
                                          "layouts", "fonts");
  CHECK(config.printers[0].banner);
  CHECK_FALSE(config.printers[0].separators);
  CHECK(config.printers[0].ticket);
  CHECK_FALSE(config.printers[1].banner);
  CHECK(config.printers[1].separators);
  CHECK_FALSE(config.printers[1].ticket);
  try {
    load_service_config(write_config(temp.path(), R"(
[store]
folder = "store"
[[printer]]
name = "p1"
folder = "/srv/p1"
banner = "yes"
)"),
                        "layouts", "fonts");
    FAIL("a banner that is no true or false was taken");
  } catch (const kuvert::Error& error) {
    CHECK_THAT(error.what(), Catch::Contains("field \"printer[0].banner\""));
  }
}

TEST_CASE("Every problem of kuvert.toml is reported at once", "[service]") {
  kuvert::test::TempFolder temp;
  const auto what = problems_of(write_config(temp.path(), R"(
[console]
listen = "8470"
colour = "blue"
[[printer]]
name = "Drucker 1"
folder = "/srv/p1"
[[inbox]]
name = "in"
folder = "in"
kind = "mail"
client = "musterstadt"
printer = "p9"
[[inbox]]
name = "in"
folder = "in"
kind = "job"
client = "x"
)"));
  CHECK(what ==
        "file \"kuvert.toml\": field \"store\": is missing\n"
        "file \"kuvert.toml\": field \"console.listen\": expected HOST:PORT, such as \"127.0.0.1:8470\"\n"
        "file \"kuvert.toml\": field \"console.colour\": is not a known field\n"
        "file \"kuvert.toml\": field \"printer[0].name\": expected lower-case letters, digits, '-' and '_'\n"
        "file \"kuvert.toml\": field \"inbox[0].kind\": \"mail\" is not one of \"job\", \"scan\", \"printfile\"\n"
        "file \"kuvert.toml\": field \"inbox[0].printer\": names no [[printer]] of this file\n"
        "file \"kuvert.toml\": field \"inbox[1].name\": another inbox has this name\n"
        "file \"kuvert.toml\": field \"inbox[1].folder\": is watched already, by another inbox or as a printer's "
        "results");
}

TEST_CASE("A printer's results folder is a folder of its own", "[service]") {
  kuvert::test::TempFolder temp;
  CHECK(
      problems_of(write_config(temp.path(), R"(
[store]
folder = "store"
[[printer]]
name = "p1"
folder = "p1"
results = "p1"
[[printer]]
name = "p2"
folder = "p2"
results = "p1"
poll_seconds = 0
[[inbox]]
name = "in"
folder = "p1"
kind = "job"
client = "musterstadt"
)")) ==
      "file \"kuvert.toml\": field \"printer[0].results\": must be another folder than the one runs are delivered to\n"
      "file \"kuvert.toml\": field \"printer[1].results\": is a folder of printer \"p1\" already\n"
      "file \"kuvert.toml\": field \"printer[1].poll_seconds\": must be between 0.1 and 3600, got 0\n"
      "file \"kuvert.toml\": field \"inbox[0].folder\": is watched already, by another inbox or as a printer's "
      "results");
}

TEST_CASE("A job inbox without any printer is refused", "[service]") {
  kuvert::test::TempFolder temp;
  CHECK(problems_of(write_config(temp.path(), R"(
[store]
folder = "store"
[[inbox]]
name = "in"
folder = "in"
kind = "job"
client = "musterstadt"
)")) == "file \"kuvert.toml\": field \"inbox[0].printer\": a job inbox needs a [[printer]] for its runs");
}

TEST_CASE("A printfile inbox names a split profile that loads", "[service]") {
  kuvert::test::TempFolder temp;
  const std::string inbox = R"(
[store]
folder = "store"
[[printer]]
name = "p1"
folder = "/srv/p1"
[[inbox]]
name = "druck"
folder = "druck"
kind = "printfile"
client = "nachbarstadt"
)";
  const auto problems = [&](const std::string& text) {
    try {
      load_service_config(write_config(temp.path(), text), kuvert::test::source_dir() / "layouts", "fonts");
    } catch (const kuvert::Error& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  CHECK(problems(inbox + "split = \"bezuege\"\n")
            .find("file \"kuvert.toml\": field \"inbox[0].split\": \"bezuege\" is no split profile that loads: "
                  "file \"splits/bezuege.toml\"") == 0);
  CHECK(problems(inbox) == "file \"kuvert.toml\": field \"inbox[0].split\": is missing");
  CHECK(problems(inbox + "split = \"nachbarstadt-bezuege\"\n") == "accepted");
  std::string other = inbox;
  const std::string client = "client = \"nachbarstadt\"";
  other.replace(other.find(client), client.size(), "client = \"musterstadt\"");
  CHECK(problems(other + "split = \"nachbarstadt-bezuege\"\n") ==
        "file \"kuvert.toml\": field \"inbox[0].split\": \"nachbarstadt-bezuege\" makes jobs of client "
        "\"nachbarstadt\", but this inbox takes jobs of \"musterstadt\" only");
}

TEST_CASE("A scan inbox hands over to a folder of its own, and only a scan inbox does", "[service]") {
  kuvert::test::TempFolder temp;
  CHECK(problems_of(write_config(temp.path(), R"(
[store]
folder = "store"
[[printer]]
name = "p1"
folder = "p1"
[[inbox]]
name = "post"
folder = "post"
kind = "scan"
client = "musterstadt"
handover = "post"
[[inbox]]
name = "post2"
folder = "post2"
kind = "scan"
client = "musterstadt"
handover = "p1"
[[inbox]]
name = "in"
folder = "in"
kind = "job"
client = "musterstadt"
handover = "dms"
)")) == "file \"kuvert.toml\": field \"inbox[0].handover\": is a watched folder; the hand-over folder must be one of "
        "its own\n"
        "file \"kuvert.toml\": field \"inbox[1].handover\": is the folder of printer \"p1\"\n"
        "file \"kuvert.toml\": field \"inbox[2].handover\": is not a known field");
  const auto config = kuvert::load_service_config(write_config(temp.path(), R"(
[store]
folder = "store"
[[inbox]]
name = "post"
folder = "post"
kind = "scan"
client = "musterstadt"
handover = "dms/eingang"
)"),
                                                  {}, {});
  CHECK(config.inboxes.at(0).handover == temp.path() / "dms/eingang");
}

TEST_CASE("[store] url names a PostgreSQL store, or is refused", "[service]") {
  kuvert::test::TempFolder temp;
  const auto with_url = [&](const std::string& url) {
    return write_config(temp.path(), "[store]\nfolder = \"/srv/kuvert\"\nurl = \"" + url + "\"\n");
  };
  const auto config = load_service_config(with_url("postgresql://kuvert@db.example/kuvert"), "layouts", "fonts");
  CHECK(config.store_url == "postgresql://kuvert@db.example/kuvert");
  CHECK(config.lease_seconds == 30);
  CHECK(config.store == "/srv/kuvert");
  CHECK(problems_of(with_url("mysql://db.example/kuvert")) ==
        "file \"kuvert.toml\": field \"store.url\": expected a PostgreSQL connection URL, such as "
        "\"postgresql://kuvert@db.example/kuvert\"");
  CHECK(load_service_config(write_config(temp.path(), "[store]\nfolder = \"/srv/kuvert\"\n"), "layouts", "fonts")
            .store_url.empty());
}

TEST_CASE("[store] lease_seconds sets how soon a dead worker's work is taken over", "[service]") {
  kuvert::test::TempFolder temp;
  const auto with_lease = [&](const std::string& seconds) {
    return write_config(temp.path(), "[store]\nfolder = \"/srv/kuvert\"\nlease_seconds = " + seconds + "\n");
  };
  CHECK(load_service_config(with_lease("10"), "layouts", "fonts").lease_seconds == 10);
  CHECK(problems_of(with_lease("1")).find("field \"store.lease_seconds\"") != std::string::npos);
  CHECK(problems_of(with_lease("\"30s\"")).find("field \"store.lease_seconds\"") != std::string::npos);
}

TEST_CASE("[store] scan_part_pages sets the parts a large scan batch is read in", "[service]") {
  kuvert::test::TempFolder temp;
  const auto with_parts = [&](const std::string& pages) {
    return write_config(temp.path(), "[store]\nfolder = \"/srv/kuvert\"\nscan_part_pages = " + pages + "\n");
  };
  CHECK(load_service_config(write_config(temp.path(), "[store]\nfolder = \"/srv/kuvert\"\n"), "layouts", "fonts")
            .scan_part_pages == 50);
  CHECK(load_service_config(with_parts("0"), "layouts", "fonts").scan_part_pages == 0);
  CHECK(load_service_config(with_parts("200"), "layouts", "fonts").scan_part_pages == 200);
  CHECK(problems_of(with_parts("2001")).find("field \"store.scan_part_pages\"") != std::string::npos);
  CHECK(problems_of(with_parts("-1")).find("field \"store.scan_part_pages\"") != std::string::npos);
}

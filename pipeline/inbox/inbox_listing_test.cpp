#include "pipeline/inbox/inbox_listing.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "tests/support/temp_folder.hpp"

using kuvert::CompletenessCheck;
using kuvert::list_inbox;

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary | std::ios::app) << text;
}

}  // namespace

TEST_CASE("An inbox lists files and folders, not hidden, partial or refused ones", "[service]") {
  kuvert::test::TempFolder inbox;
  write(inbox.path() / "scan-1.pdf", "%PDF");
  write(inbox.path() / "job-a/job.json", "{}");
  write(inbox.path() / "job-a/spool.pdf", "%PDF-1.7");
  write(inbox.path() / ".hidden.pdf", "x");
  write(inbox.path() / "upload.pdf.part", "x");
  write(inbox.path() / "error/old.pdf", "x");
  write(inbox.path() / "scan-1.pdf.ready", "");
  const auto entries = list_inbox(inbox.path());
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].name == "job-a");
  CHECK(entries[0].folder);
  CHECK(entries[0].files == 2);
  CHECK(entries[0].bytes == 10);
  CHECK(entries[0].has_manifest);
  CHECK_FALSE(entries[0].triggered);
  CHECK(entries[1].name == "scan-1.pdf");
  CHECK(entries[1].bytes == 4);
  CHECK(entries[1].triggered);
}

TEST_CASE("An entry is complete after it stayed unchanged, or at once with a trigger file", "[service]") {
  kuvert::test::TempFolder inbox;
  CompletenessCheck check(2, 1000, true);
  std::int64_t now_ms = 0;
  // A listing a poll interval after the one before.
  auto poll = [&] { return check.complete(list_inbox(inbox.path()), now_ms += 1000); };
  write(inbox.path() / "slow.pdf", "%PDF");
  CHECK(poll().empty());                            // first sighting
  CHECK(poll().empty());                            // unchanged once
  write(inbox.path() / "slow.pdf", " more bytes");  // still being written
  CHECK(poll().empty());
  CHECK(poll().empty());
  CHECK(poll() == std::vector<std::string>{"slow.pdf"});

  // A job folder without its job.json is never complete by itself.
  write(inbox.path() / "job-b/spool.pdf", "%PDF");
  for (int i = 0; i < 4; ++i) CHECK(poll() == std::vector<std::string>{"slow.pdf"});
  write(inbox.path() / "job-b/job.json", "{}");
  poll();
  poll();
  CHECK(poll() == std::vector<std::string>{"job-b", "slow.pdf"});

  // Listings in quick succession (brought forward by change events) do not
  // count as the wait.
  write(inbox.path() / "quick.pdf", "%PDF");
  for (int i = 0; i < 5; ++i) CHECK(check.complete(list_inbox(inbox.path()), now_ms += 10).size() == 2);

  write(inbox.path() / "fast.pdf", "%PDF");
  write(inbox.path() / "fast.pdf.ready", "");
  CHECK(poll() == std::vector<std::string>{"fast.pdf", "job-b", "slow.pdf"});
  CHECK(poll() == std::vector<std::string>{"fast.pdf", "job-b", "quick.pdf", "slow.pdf"});
}

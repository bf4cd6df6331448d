// Planning keeps no ids or addresses; they are read back from job.json at
// the offsets taken while reading it. These tests check the offsets against
// the generated job, and that a manifest changed in the meantime is noticed.
#include "stages/ingest/document_entries.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "stages/ingest/job_reader.hpp"
#include "tests/support/kuvert_job.hpp"

namespace kuvert {
namespace {

using test::KuvertJob;
using test::plain_job;

ProfileCatalog profiles() { return load_profiles(test::source_dir() / "layouts", "2026-11-22"); }

TEST_CASE("document labels read back every document's id and recipient", "[ingest][labels]") {
  auto options = plain_job(40, 1);
  options.foreign_share = 0.2;
  KuvertJob generated(options);
  SourceFiles sources;
  const Job job = std::get<Job>(read_job(generated.folder(), profiles(), sources));
  REQUIRE(job.documents.size() == generated.documents().size());
  DocumentEntries entries(job);
  // Out of order, as a presorted run asks for them.
  for (std::uint32_t i = job.documents.size(); i-- > 0;) {
    const DocumentIdentity label = entries.identity(i);
    const auto& expected = generated.documents()[i];
    CHECK(label.id == expected.id);
    CHECK(label.recipient.name == expected.recipient.name);
    CHECK(label.recipient.street == expected.recipient.street);
    CHECK(label.recipient.postcode == expected.recipient.postcode);
    CHECK(label.recipient.country == expected.recipient.country);
  }
}

TEST_CASE("a manifest changed while its job is produced is noticed", "[ingest][labels]") {
  KuvertJob generated(plain_job(3, 1));
  SourceFiles sources;
  const Job job = std::get<Job>(read_job(generated.folder(), profiles(), sources));
  generated.edit_manifest([](nlohmann::json& manifest) { manifest["documents"][1]["recipient"]["street"] = "Neuer Weg 1"; });
  DocumentEntries entries(job);
  try {
    entries.identity(1);
    FAIL("no error thrown");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    CHECK(std::string(error.what()) ==
          "job \"test-job\": file \"job.json\": changed while the job was being produced (document 2 is no longer "
          "where it was); run the job again");
  }
}

TEST_CASE("an id changed in place while the job is produced is noticed", "[ingest][labels]") {
  KuvertJob generated(plain_job(3, 1));
  SourceFiles sources;
  const Job job = std::get<Job>(read_job(generated.folder(), profiles(), sources));
  const auto path = generated.folder() / "job.json";
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto at = bytes.find(generated.documents()[1].id);
  REQUIRE(at != std::string::npos);
  bytes[at] = 'X';  // same length: every entry stays where it was
  std::fstream(path, std::ios::binary | std::ios::in | std::ios::out).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  DocumentEntries entries(job);
  CHECK_THROWS_AS(entries.identity(1), Error);
}

}  // namespace
}  // namespace kuvert

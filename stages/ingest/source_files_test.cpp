#include "stages/ingest/source_files.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "tests/support/source_pdf_files.hpp"

namespace kuvert {
namespace {

TEST_CASE("a print file reopened must be the file first opened", "[spool]") {
  test::TempFolder dir;
  test::make_sample_pdf(dir / "a.pdf");
  test::make_sample_pdf(dir / "b.pdf");
  test::make_sample_pdf(dir / "other.pdf");
  SourceFiles sources(1);  // one open at a time: a is closed when b opens
  const auto a = sources.add(dir / "a.pdf", "a.pdf");
  sources.add(dir / "b.pdf", "b.pdf");
  CHECK(sources.at(a).page_count() == 6);  // reopened, the same file
  sources.at(1);
  std::filesystem::rename(dir / "other.pdf", dir / "a.pdf");  // another file under the same name
  try {
    sources.at(a);
    FAIL("another file was taken for a.pdf");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    CHECK(std::string(error.what()) == "file \"a.pdf\": was replaced by another file while the job was produced");
  }
}

}  // namespace
}  // namespace kuvert

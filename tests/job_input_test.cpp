// Every bad input a job can bring ends with exit status 1, a message that
// names the job, the document and what is wrong, and no output folder.
#include <sys/stat.h>

#include <podofo/podofo.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "tests/support/csv.hpp"
#include "tests/support/edited_layouts.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/source_pdf_files.hpp"
#include "tests/support/kuvert_job.hpp"

namespace {

using kuvert::test::KuvertJob;
using kuvert::test::plain_job;
using kuvert::test::read_file;
using nlohmann::json;

// Runs the job and checks that it was refused with `message` and left nothing.
void expect_refused(const KuvertJob& job, const std::string& message) {
  const auto result = job.run();
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find(message) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

using kuvert::test::write_file;

// Adds a document to the job that takes all pages of a PDF of its own,
// addressed like the first document.
void add_document_with_file(KuvertJob& job, const std::string& id, const std::string& file) {
  job.edit_manifest([&](json& m) {
    auto extra = m["documents"][0];
    extra["id"] = id;
    extra.erase("pages");
    extra["file"] = file;
    m["documents"].push_back(extra);
  });
}

}  // namespace

TEST_CASE("a job whose manifest is not JSON is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  write_file(job.folder() / "job.json", "{ \"job\": \"test-job\", ");
  expect_refused(job, "kuvert: job \"job\": file \"job.json\": is not valid JSON (at byte 22)");
}

TEST_CASE("a manifest that is not UTF-8 is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  auto manifest = read_file(job.folder() / "job.json");
  const auto at = manifest.find("test-job");
  manifest.replace(at, 8,
                   "test-j\xF6"
                   "b");  // Latin-1, as some exports write
  write_file(job.folder() / "job.json", manifest);
  // The parser counts bytes from 1: the bad byte is the 7th of the name.
  expect_refused(job,
                 "kuvert: job \"job\": file \"job.json\": is not valid JSON (at byte " + std::to_string(at + 7) + ")");
}

TEST_CASE("a job without a manifest is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  std::filesystem::remove(job.folder() / "job.json");
  expect_refused(job, "kuvert: job \"job\": file \"job.json\": job.json not found at ");
}

TEST_CASE("an unknown field is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["documents"][1]["sensitve"] = true; });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000002\": file \"job.json\": field \"sensitve\": is not "
                 "a known field");
}

TEST_CASE("a missing field is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["documents"][0]["recipient"].erase("city"); });
  expect_refused(
      job,
      "kuvert: job \"test-job\": document \"K-2026-000001\": file \"job.json\": field \"recipient.city\": is missing");
}

TEST_CASE("a mistyped field is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["defaults"]["consolidate"] = "yes"; });
  expect_refused(job,
                 "kuvert: job \"test-job\": file \"job.json\": field \"defaults.consolidate\": expected true or false, "
                 "got string");
}

TEST_CASE("duplicate document ids are refused", "[input]") {
  KuvertJob job(plain_job(3, 1));
  job.edit_manifest([](json& m) { m["documents"][2]["id"] = "K-2026-000001"; });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000001\": file \"job.json\": field \"id\": is used by an "
                 "earlier document "
                 "too; document ids must be unique");
}

TEST_CASE("every repeated document id is reported in delivery order", "[input]") {
  KuvertJob job(plain_job(6, 1));
  job.edit_manifest([](json& m) {
    const std::vector<std::string> ids{"Z", "A", "Z", "A", "Z", "Q"};
    for (std::size_t i = 0; i < ids.size(); ++i) m["documents"][i]["id"] = ids[i];
  });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  const std::string tail =
      ": file \"job.json\": field \"id\": is used by an earlier document too; document ids must be unique\n";
  const std::string z = "kuvert: job \"test-job\": document \"Z\"" + tail;
  const std::string a = "kuvert: job \"test-job\": document \"A\"" + tail;
  CHECK(result.err == z + a + z);
}

TEST_CASE("a missing print file is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  std::filesystem::remove(job.folder() / "spool.pdf");
  expect_refused(job, "kuvert: job \"test-job\": file \"spool.pdf\": field \"print_file\": file not found");
}

TEST_CASE("a truncated print file is refused", "[input]") {
  KuvertJob job(plain_job(4, 2));
  const auto bytes = read_file(job.folder() / "spool.pdf");
  write_file(job.folder() / "spool.pdf", bytes.substr(0, bytes.size() / 2));
  expect_refused(
      job, "kuvert: job \"test-job\": file \"spool.pdf\": field \"print_file\": is truncated (no end-of-file marker)");
}

TEST_CASE("an encrypted print file is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  const auto spool = (job.folder() / "spool.pdf").string();
  const auto encrypted =
      kuvert::test::run_process({"qpdf", "--encrypt", "user", "owner", "256", "--", spool, spool + ".enc"});
  REQUIRE(encrypted.exit_code == 0);
  std::filesystem::rename(spool + ".enc", spool);
  expect_refused(
      job, "kuvert: job \"test-job\": file \"spool.pdf\": field \"print_file\": is encrypted; print files must not be");
}

TEST_CASE("a damaged content stream is reported with its document and page", "[input]") {
  KuvertJob job(plain_job(2, 1));
  auto spool = read_file(job.folder() / "spool.pdf");
  // Object 9 holds the second page's text (fonts and resources come first,
  // then each page's contents and page object); the page tree is intact,
  // so the damage shows only when the page is copied.
  const auto at = spool.find("\n9 0 obj\n");
  REQUIRE(at != std::string::npos);
  spool.replace(at, 9, "\n9 0 obX\n");
  write_file(job.folder() / "spool.pdf", spool);
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000002\": file \"spool.pdf\": page 2 has a damaged "
                 "object 9");
}

TEST_CASE("a print file that is not a PDF is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  write_file(job.folder() / "spool.pdf", "Dies ist keine PDF-Datei.\n");
  expect_refused(job, "kuvert: job \"test-job\": file \"spool.pdf\": field \"print_file\": is not a PDF file");
}

TEST_CASE("a page range outside the print file is refused", "[input]") {
  KuvertJob job(plain_job(2, 2));
  job.edit_manifest([](json& m) { m["documents"][1]["pages"] = "3-5"; });
  expect_refused(
      job,
      "kuvert: job \"test-job\": document \"K-2026-000002\": file \"job.json\": field \"pages\": pages 3-5 are outside "
      "spool.pdf (4 pages)");
}

TEST_CASE("overlapping page ranges are refused", "[input]") {
  KuvertJob job(plain_job(3, 2));
  job.edit_manifest([](json& m) { m["documents"][1]["pages"] = "2-4"; });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000002\": file \"job.json\": field \"pages\": pages 2-4 "
                 "overlap those of "
                 "document \"K-2026-000001\"");
}

TEST_CASE("one file named by two documents is refused however it is spelt", "[input]") {
  KuvertJob job(plain_job(2, 1));
  std::filesystem::copy_file(job.folder() / "spool.pdf", job.folder() / "beilage.pdf");
  job.edit_manifest([](json& m) {
    for (auto& document : m["documents"]) document.erase("pages");
    m.erase("print_file");
    m["documents"][0]["file"] = "beilage.pdf";
    m["documents"][1]["file"] = "./beilage.pdf";
  });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000002\": file \"job.json\": field \"file\": names the "
                 "same file as document \"K-2026-000001\" (beilage.pdf); every page goes into exactly one envelope");
}

TEST_CASE("a document file that is the print file again is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  add_document_with_file(job, "K-2026-000003", "./spool.pdf");
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000003\": file \"job.json\": field \"file\": names the "
                 "same file as document \"K-2026-000001\" (spool.pdf)");
}

TEST_CASE("a hard link to the print file is the print file", "[input]") {
  KuvertJob job(plain_job(2, 1));
  std::filesystem::create_hard_link(job.folder() / "spool.pdf", job.folder() / "kopie.pdf");
  add_document_with_file(job, "K-2026-000003", "kopie.pdf");
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        "kuvert: job \"test-job\": document \"K-2026-000003\": file \"job.json\": field \"file\": names the same "
        "file as document \"K-2026-000001\" (spool.pdf); every page goes into exactly one envelope\n");
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

TEST_CASE("an empty file name is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  add_document_with_file(job, "K-2026-000003", "");
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000003\": file \"job.json\": field \"file\": is empty; "
                 "expected the name of a PDF in the job folder");
}

TEST_CASE("a missing file named by two documents is reported for both", "[input]") {
  KuvertJob job(plain_job(2, 1));
  add_document_with_file(job, "K-2026-000003", "fehlt.pdf");
  add_document_with_file(job, "K-2026-000004", "fehlt.pdf");
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("document \"K-2026-000003\": file \"fehlt.pdf\": field \"file\": file not found") !=
        std::string::npos);
  CHECK(result.err.find("document \"K-2026-000004\": file \"job.json\": field \"file\": names \"fehlt.pdf\", "
                        "which could not be opened") != std::string::npos);
}

TEST_CASE("a link in the job folder to a spool elsewhere is followed", "[input]") {
  KuvertJob job(plain_job(2, 1));
  const auto elsewhere = job.folder().parent_path() / "spool-archiv.pdf";
  std::filesystem::rename(job.folder() / "spool.pdf", elsewhere);
  std::filesystem::create_symlink(elsewhere, job.folder() / "spool.pdf");
  const auto result = job.run();
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(std::filesystem::exists(job.output() / "R0001.pdf"));
}

TEST_CASE("a file outside the job folder is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["print_file"] = "../job/spool.pdf/../../other-client/spool.pdf"; });
  expect_refused(job,
                 "kuvert: job \"test-job\": file \"job.json\": field \"print_file\": "
                 "\"../job/spool.pdf/../../other-client/spool.pdf\" lies outside the job folder; a job may only use "
                 "its own files");
}

TEST_CASE("an absolute file path is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  const auto spool = (job.folder() / "spool.pdf").string();
  job.edit_manifest([&](json& m) { m["print_file"] = spool; });
  expect_refused(job, "field \"print_file\": \"" + spool + "\" lies outside the job folder");
}

TEST_CASE("pages that belong to no document are refused", "[input]") {
  KuvertJob job(plain_job(3, 2));
  job.edit_manifest([](json& m) { m["documents"].erase(1); });
  expect_refused(job, "kuvert: job \"test-job\": file \"spool.pdf\": pages 3-4 belong to no document");
}

TEST_CASE("a single page that belongs to no document is named in the singular", "[input]") {
  KuvertJob job(plain_job(3, 1));
  job.edit_manifest([](json& m) { m["documents"].erase(2); });
  expect_refused(job, "kuvert: job \"test-job\": file \"spool.pdf\": page 3 belongs to no document");
}

TEST_CASE("a recipient with too many lines for the address field is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) {
    m["documents"][0]["recipient"]["name"] = {"Erbengemeinschaft", "Erika Mustermann", "Max Mustermann",
                                              "c/o Kanzlei Beispiel", "z. Hd. Frau Probst"};
  });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000001\": file \"job.json\": field \"recipient\": needs "
                 "7 address lines; "
                 "the address field holds at most 6");
}

TEST_CASE("an invalid German postcode is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["documents"][1]["recipient"]["postcode"] = "3910"; });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000002\": file \"job.json\": field "
                 "\"recipient.postcode\": \"3910\" is not "
                 "a German postcode (expected 5 digits)");
}

TEST_CASE("an unknown paper is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["documents"][0]["paper"] = "a4-120"; });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000001\": file \"job.json\": field \"paper\": unknown "
                 "paper \"a4-120\"");
}

TEST_CASE("an unknown envelope is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["defaults"]["envelope"] = "b4"; });
  expect_refused(job, "kuvert: job \"test-job\": file \"job.json\": field \"defaults.envelope\": unknown envelope \"b4\"");
}

TEST_CASE("a mistake in the defaults is reported once, at the defaults", "[input]") {
  KuvertJob job(plain_job(40, 1));
  job.edit_manifest([](json& m) {
    m["defaults"]["paper"] = "a4-8O";
    m["documents"][8]["paper"] = "a4-81";  // a document's own mistake is its own
  });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        "kuvert: job \"test-job\": file \"job.json\": field \"defaults.paper\": unknown paper \"a4-8O\" (known: a4-80, "
        "a4-90)\n"
        "kuvert: job \"test-job\": document \"K-2026-000009\": file \"job.json\": field \"paper\": unknown paper "
        "\"a4-81\" (known: a4-80, a4-90)\n");
}

TEST_CASE("a misspelt key is one message with the key it meant, not also a missing field", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) {
    auto& document = m["documents"][1];
    document["recipent"] = document["recipient"];
    document.erase("recipient");
  });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err == "kuvert: job \"test-job\": document \"K-2026-000002\": file \"job.json\": field \"recipent\": "
                      "is not a known field (did you mean \"recipient\"?)\n");
}

TEST_CASE("one page range that takes the pages of others is one message, at that range", "[input]") {
  KuvertJob job(plain_job(40, 1));
  job.edit_manifest([](json& m) { m["documents"][5]["pages"] = "6-36"; });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err == "kuvert: job \"test-job\": document \"K-2026-000006\": file \"job.json\": field \"pages\": "
                      "pages 6-36 take the pages of 30 other documents (\"K-2026-000007\" to \"K-2026-000036\")\n");
  // A single overlap stays with the document that overlaps.
  job.edit_manifest([](json& m) { m["documents"][5]["pages"] = "6-7"; });
  CHECK(job.run().err == "kuvert: job \"test-job\": document \"K-2026-000007\": file \"job.json\": field \"pages\": "
                         "page 7 overlaps those of document \"K-2026-000006\"\n");
}

TEST_CASE("an unknown inserter profile is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["documents"][1]["inserter"] = "quadient-9000"; });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000002\": file \"job.json\": field \"inserter\": unknown "
                 "inserter profile "
                 "\"quadient-9000\"");
}

TEST_CASE("an insert from a feeder the inserter lacks is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["documents"][0]["inserts"] = {"feeder-7"}; });
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000001\": file \"job.json\": field \"inserts\": "
                 "\"feeder-7\" is not a "
                 "feeder station of inserter \"generic-omr\"");
}

TEST_CASE("an empty job is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) {
    m["documents"] = json::array();
    m.erase("print_file");
  });
  expect_refused(job, "kuvert: job \"test-job\": file \"job.json\": field \"documents\": the job has no documents");
}

TEST_CASE("a page that is not A4 portrait is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  {
    PoDoFo::PdfMemDocument landscape;
    landscape.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4, true));
    landscape.Write((job.folder() / "beilage.pdf").c_str());
  }
  add_document_with_file(job, "K-2026-000003", "beilage.pdf");
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000003\": file \"beilage.pdf\": page 1 is 842 x 595 pt; "
                 "expected A4 portrait (595 x 842 pt)");
}

// A one-page A4 PDF with an annotation of `type`, printing or not.
void write_annotated_pdf(const std::filesystem::path& path, PoDoFo::EPdfAnnotation type, bool printing) {
  PoDoFo::PdfMemDocument document;
  auto* page = document.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4));
  auto* annotation = page->CreateAnnotation(type, PoDoFo::PdfRect(300, 500, 150, 20));
  annotation->SetFlags(printing ? PoDoFo::ePdfAnnotationFlags_Print : 0);
  PoDoFo::PdfXObject appearance(PoDoFo::PdfRect(0, 0, 150, 20), &document);
  annotation->SetAppearanceStream(&appearance);
  document.Write(path.c_str());
}

TEST_CASE("a page whose form fields or stamps would print is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  write_annotated_pdf(job.folder() / "formular.pdf", PoDoFo::ePdfAnnotation_Widget, true);
  add_document_with_file(job, "K-2026-000003", "formular.pdf");
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000003\": file \"formular.pdf\": page 1 has form fields "
                 "or stamps that would print (annotations), which kuvert does not copy; deliver the print file with "
                 "them flattened");
}

TEST_CASE("links and annotations that do not print are no obstacle", "[input]") {
  KuvertJob job(plain_job(2, 1));
  write_annotated_pdf(job.folder() / "link.pdf", PoDoFo::ePdfAnnotation_Link, true);
  write_annotated_pdf(job.folder() / "notiz.pdf", PoDoFo::ePdfAnnotation_Stamp, false);
  add_document_with_file(job, "K-2026-000003", "link.pdf");
  add_document_with_file(job, "K-2026-000004", "notiz.pdf");
  const auto result = job.run();
  INFO(result.err);
  CHECK(result.exit_code == 0);
}

TEST_CASE("a rotated page is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  {
    PoDoFo::PdfMemDocument rotated;
    auto* page = rotated.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4));
    page->GetObject()->GetDictionary().AddKey("Rotate", PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(90)));
    rotated.Write((job.folder() / "quer.pdf").c_str());
  }
  add_document_with_file(job, "K-2026-000003", "quer.pdf");
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000003\": file \"quer.pdf\": page 1 is rotated by 90 "
                 "degrees; expected an upright A4 portrait page");
}

TEST_CASE("every problem of a manifest is reported at once", "[input]") {
  KuvertJob job(plain_job(3, 1));
  job.edit_manifest([](json& m) {
    m["documents"][0]["recipient"]["postcode"] = "ABCDE";
    m["documents"][2]["sides"] = "triplex";
  });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("document \"K-2026-000001\": file \"job.json\": field \"recipient.postcode\"") !=
        std::string::npos);
  CHECK(result.err.find("document \"K-2026-000003\": file \"job.json\": field \"sides\": \"triplex\" is neither") !=
        std::string::npos);
}

TEST_CASE("field problems and page problems are reported together", "[input]") {
  KuvertJob job(plain_job(3, 2));
  job.edit_manifest([](json& m) {
    m["documents"][0]["recipient"]["postcode"] = "3910";
    m["documents"][2]["pages"] = "4-6";
  });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("document \"K-2026-000001\": file \"job.json\": field \"recipient.postcode\"") !=
        std::string::npos);
  CHECK(result.err.find("document \"K-2026-000003\": file \"job.json\": field \"pages\": pages 4-6 overlap "
                        "those of document \"K-2026-000002\"") != std::string::npos);
}

TEST_CASE("an existing output folder is never overwritten", "[input]") {
  KuvertJob job(plain_job(2, 1));
  std::filesystem::create_directories(job.output());
  write_file(job.output() / "keep.txt", "earlier output");
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("output folder exists already; kuvert never overwrites output") != std::string::npos);
  CHECK(read_file(job.output() / "keep.txt") == "earlier output");
}

TEST_CASE("a print file whose page nests 100,000 dictionaries is refused, not a crash", "[input]") {
  KuvertJob job(plain_job(1, 1));
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<</A ";
  for (int i = 0; i < 100000; ++i) nested += ">>";
  write_file(job.folder() / "spool.pdf",
             kuvert::test::classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                                              {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
                                              {3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Deep " +
                                                      nested + " >>"}}));
  expect_refused(job, "kuvert: job \"test-job\": file \"spool.pdf\": field \"print_file\": has arrays or dictionaries "
                      "nested more than 100 deep (object at byte ");
}

TEST_CASE("a manifest that names a key twice is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  auto manifest = read_file(job.folder() / "job.json");
  const auto at = manifest.find("\"client\"");
  REQUIRE(at != std::string::npos);
  // Two parsers could read two different clients: another town's letterhead.
  manifest.insert(at, "\"client\": \"nachbarstadt\", ");
  write_file(job.folder() / "job.json", manifest);
  expect_refused(job, "kuvert: job \"job\": file \"job.json\": has the key \"client\" twice in one object (at byte ");
}

TEST_CASE("a manifest with a number too large for any field is refused as input", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m["defaults"]["paper"] = "PLACEHOLDER"; });
  auto manifest = read_file(job.folder() / "job.json");
  manifest.replace(manifest.find("\"PLACEHOLDER\""), 13, "1e400");
  write_file(job.folder() / "job.json", manifest);
  expect_refused(job, "kuvert: job \"job\": file \"job.json\": has a number too large to be read (such as 1e400)");
}

TEST_CASE("a manifest nested deeper than 32 levels is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) {
    json deep = json::array();
    for (int i = 0; i < 40; ++i) deep = json::array({deep});
    m["defaults"]["inserts"] = deep;
  });
  expect_refused(job, "kuvert: job \"job\": file \"job.json\": nests objects and arrays deeper than 32 levels");
}

TEST_CASE("terminal control sequences from a manifest reach the terminal escaped", "[input]") {
  KuvertJob job(plain_job(2, 1));
  // Text values with control characters are refused unquoted; an unknown
  // key is quoted in its message.
  job.edit_manifest([](json& m) { m["documents"][0]["\x1B]0;pwned\x07\x1B[2J"] = 1; });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("\\x1B]0;pwned\\x07\\x1B[2J") != std::string::npos);
  CHECK(result.err.find('\x1B') == std::string::npos);
  CHECK(result.err.find('\x07') == std::string::npos);
}

TEST_CASE("a print file that is a FIFO is refused at once", "[input]") {
  KuvertJob job(plain_job(2, 1));
  std::filesystem::remove(job.folder() / "spool.pdf");
  REQUIRE(::mkfifo((job.folder() / "spool.pdf").c_str(), 0600) == 0);
  expect_refused(job, "kuvert: job \"test-job\": file \"spool.pdf\": field \"print_file\": is not a regular file (a "
                      "pipe, device or socket)");
}

TEST_CASE("control characters in ids, names and addresses are refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) {
    m["documents"][0]["id"] = std::string("K-1\0", 4);
    m["documents"][1]["recipient"]["name"][0] = "Erika\xE2\x80\xA8Mustermann";  // LINE SEPARATOR
    m["documents"][1]["recipient"]["street"] = "Haupt\xC2\x85stra\xC3\x9F" "e 5";    // NEL
    m["documents"][1]["recipient"]["city"] = "Magde\x7F" "burg";
  });
  const auto result = job.run();
  INFO(result.err);
  CHECK(result.exit_code == 1);
  for (const char* message :
       {"field \"documents[0].id\": contains the control character U+0000 at byte 4; expected plain text",
        "field \"recipient.name[0]\": contains the control character U+2028 at byte 6; expected plain text",
        "field \"recipient.street\": contains the control character U+0085 at byte 6; expected plain text",
        "field \"recipient.city\": contains the control character U+007F at byte 6; expected plain text"})
    CHECK(result.err.find(message) != std::string::npos);
}

TEST_CASE("a job name, id or address line past 1024 bytes is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) {
    m["job"] = std::string(10 << 20, 'j');
    m["documents"][1]["recipient"]["street"] = std::string(1025, 's');
  });
  const auto result = job.run();
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("field \"job\": is 10485760 bytes long; at most 1024 are allowed") != std::string::npos);
  CHECK(result.err.find("field \"recipient.street\": is 1025 bytes long; at most 1024 are allowed") !=
        std::string::npos);
  CHECK(result.err.size() < 4096);  // the value itself is not repeated
}

TEST_CASE("an unknown country code and a name line of spaces are refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) {
    m["documents"][0]["recipient"]["country"] = "XX";
    m["documents"][0]["recipient"]["postcode"] = "1010";
    m["documents"][1]["recipient"]["name"] = {"   ", "Max Beispiel"};
  });
  const auto result = job.run();
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("field \"recipient.country\": \"XX\" is not an ISO 3166-1 country code") != std::string::npos);
  CHECK(result.err.find("field \"recipient.name[0]\": is blank; the address may have no blank lines") !=
        std::string::npos);
}

namespace {

// A job whose print file is one A4 page given by hand: `page` holds the
// page dictionary's extra entries, `objects` further objects (from 5 on),
// `catalog` the catalog's extra entries.
void write_one_page_job(KuvertJob& job, const std::string& page, std::map<std::uint32_t, std::string> objects = {},
                        const std::string& catalog = "") {
  objects[1] = "<< /Type /Catalog /Pages 2 0 R " + catalog + " >>";
  objects[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
  objects[3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R " + page + " >>";
  objects[4] = "<< /Length 44 >>\nstream\nBT /F1 10 Tf 72 640 Td (Hello page) Tj ET\n\nendstream";
  write_file(job.folder() / "spool.pdf", kuvert::test::classic_pdf(objects));
}

const std::string kPage1 = "kuvert: job \"test-job\": document \"K-2026-000001\": file \"spool.pdf\": page 1 ";

}  // namespace

TEST_CASE("a page scaled by /UserUnit is not A4 as printed and is refused", "[input]") {
  KuvertJob job(plain_job(1, 1));
  write_one_page_job(job, "/UserUnit 2");
  expect_refused(job, kPage1 + "has a /UserUnit other than 1, so it is not A4 as printed; expected an A4 page in points");
}

TEST_CASE("a page whose CropBox misses its MediaBox is refused", "[input]") {
  KuvertJob job(plain_job(1, 1));
  write_one_page_job(job, "/CropBox [1000 1000 1595 1842]");
  expect_refused(job, kPage1 + "has a CropBox outside its MediaBox, so nothing of it would show");
}

TEST_CASE("stamps that print are found whatever form their print flag has, and free text without appearance",
          "[input]") {
  const std::string refused = kPage1 + "has form fields or stamps that would print (annotations)";
  const std::string stamp = "/Type /Annot /Subtype /Stamp /Rect [100 100 300 200] /AP << /N 6 0 R >> ";
  const std::map<std::uint32_t, std::string> appearance{
      {6, "<< /Type /XObject /Subtype /Form /BBox [0 0 200 100] /Length 16 >>\nstream\n0 0 200 100 re f\nendstream"},
      {7, "4"}};
  for (const std::string& annotation :
       {"<< " + stamp + "/F 4.0 >>", "<< " + stamp + "/F 7 0 R >>",
        std::string("<< /Type /Annot /Subtype /FreeText /Rect [100 100 300 200] /F 4 /Contents (Betrag 12.345,67) "
                    "/DA (/Helv 12 Tf 0 g) >>")}) {
    KuvertJob job(plain_job(1, 1));
    write_one_page_job(job, "/Annots [" + annotation + "]", appearance);
    INFO(annotation);
    expect_refused(job, refused);
  }
  // Hidden ones do not print.
  KuvertJob hidden(plain_job(1, 1));
  write_one_page_job(hidden, "/Annots [<< " + stamp + "/F 6 >>]", appearance);
  CHECK(hidden.run().exit_code == 0);
}

TEST_CASE("a page with a layer that viewers hide is refused, not printed", "[input]") {
  KuvertJob job(plain_job(1, 1));
  write_one_page_job(job, "/Resources << /Properties << /L1 5 0 R >> >>",
                     {{5, "<< /Type /OCG /Name (Entwurf) >>"}},
                     "/OCProperties << /OCGs [5 0 R] /D << /OFF [5 0 R] >> >>");
  expect_refused(job, kPage1 + "uses optional content (layers), which viewers may hide but kuvert would print; "
                               "deliver the print file with its layers flattened");
  // Without /OCProperties every viewer shows all content: nothing is hidden.
  KuvertJob plain(plain_job(1, 1));
  write_one_page_job(plain, "/Resources << /Properties << /L1 5 0 R >> >>", {{5, "<< /Type /OCG /Name (x) >>"}});
  CHECK(plain.run().exit_code == 0);
}

namespace {

// A print file whose page `page` (of `pages`) shows `text` at `x_mm`,
// `y_mm` from the top, in Helvetica, as older applications write it (no
// widths, no font program); every first page has an address in the
// window.
void write_text_pdf(const std::filesystem::path& path, int pages, int page, double x_mm, const std::string& text,
                    double y_mm = 100) {
  PoDoFo::PdfMemDocument document;
  PoDoFo::PdfFont* font = document.CreateFont("Helvetica");
  for (int i = 0; i < pages; ++i) {
    auto* sheet = document.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4));
    PoDoFo::PdfPainter painter;
    painter.SetPage(sheet);
    font->SetFontSize(10);
    painter.SetFont(font);
    const double height = sheet->GetPageSize().GetHeight();
    if (i == 0 && !(page == 0 && y_mm < 95)) painter.DrawText(25 * 72 / 25.4, height - 70 * 72 / 25.4, "Frau Erika Muster");
    painter.DrawText(i == page ? x_mm * 72 / 25.4 : 72, height - y_mm * 72 / 25.4,
                     PoDoFo::PdfString(i == page ? text.c_str() : "Seite"));
    painter.FinishPage();
  }
  document.Write(path.c_str());
}

}  // namespace

TEST_CASE("an amount that runs into the inserter's clear zone is refused with its position", "[input]") {
  KuvertJob job(plain_job(2, 1));
  write_text_pdf(job.folder() / "betrag.pdf", 1, 0, 165, "Betrag: 12.345,67 EUR");
  add_document_with_file(job, "K-2026-000003", "betrag.pdf");
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000003\": file \"betrag.pdf\": page 1 has text inside "
                 "the clear zone of inserter profile \"generic-omr\" (at x 188.5 mm, y 96.");

  // On the back of a duplex sheet the zone is mirrored to the left edge.
  KuvertJob back(plain_job(2, 1));
  write_text_pdf(back.folder() / "rueckseite.pdf", 2, 1, 6, "Seite 2");
  add_document_with_file(back, "K-2026-000003", "rueckseite.pdf");
  expect_refused(back, "page 2 has text inside the clear zone of inserter profile \"generic-omr\" (at x 6.0 mm");

  // The same text further left passes.
  KuvertJob left(plain_job(2, 1));
  write_text_pdf(left.folder() / "betrag.pdf", 1, 0, 130, "Betrag: 12.345,67 EUR");
  add_document_with_file(left, "K-2026-000003", "betrag.pdf");
  const auto result = left.run();
  INFO(result.err);
  CHECK(result.exit_code == 0);
}

TEST_CASE("a profile for print files with marks of their own may paint over them, and the ticket says so", "[input]") {
  KuvertJob job(plain_job(2, 1));
  write_text_pdf(job.folder() / "betrag.pdf", 1, 0, 165, "Betrag: 12.345,67 EUR");
  add_document_with_file(job, "K-2026-000003", "betrag.pdf");
  const auto layouts = kuvert::test::edited_layouts(job.folder().parent_path(), "inserters/generic-omr.toml",
                                                    [](std::string& profile) {
                                                      profile.replace(profile.find("clear_zone ="), 12,
                                                                      "paint_over_source_marks = true\nclear_zone =");
                                                    });
  const auto result = kuvert::test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o",
                                                 job.output().string(), "--layouts", layouts.string(), "--date",
                                                 "2026-11-22", "--deterministic"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto ticket = json::parse(read_file(job.output() / "R0001.json"));
  CHECK(ticket["production"]["paints_over_source_marks"] == true);
}

TEST_CASE("a print-file job on an inserter not set for form B folds is refused", "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& manifest) { manifest["defaults"]["inserter"] = "datamatrix"; });
  const auto layouts =
      kuvert::test::edited_layouts(job.folder().parent_path(), "inserters/datamatrix.toml", [](std::string& profile) {
        profile.replace(profile.find("letter_forms = [\"A\", \"B\"]"), 25, "letter_forms = [\"A\"]");
      });
  const auto result = kuvert::test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o",
                                                 job.output().string(), "--layouts", layouts.string()});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("field \"defaults.inserter\": inserter profile \"datamatrix\" is not set for DIN 5008 form B (folds at "
                        "105 and 210 mm)") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(job.output()));
}

TEST_CASE("an address that runs out of the C6/5 window is refused with its block and the window's part", "[input]") {
  KuvertJob job(plain_job(2, 1));
  write_text_pdf(job.folder() / "anschrift.pdf", 1, 0, 25, "Grundstuecksverwaltungsgesellschaft Beispiel mbH, Abt. 4",
                 70);
  add_document_with_file(job, "K-2026-000003", "anschrift.pdf");
  job.edit_manifest([](json& m) { m["documents"].back()["consolidate"] = false; });  // a piece of its own
  expect_refused(job,
                 "kuvert: job \"test-job\": document \"K-2026-000003\": file \"anschrift.pdf\": page 1: its address "
                 "block (x 25.0 to 105.0 mm, y 66.");
  const auto result = job.run();
  CHECK(result.err.find("is not inside what the window of envelope \"c6-5\" shows wherever the sheet lies, 3 mm in "
                        "(x 23.0 to 88.0 mm, y 48.0 to 87.0 mm)") != std::string::npos);
}

TEST_CASE("a piece that goes flat into C4 has its address checked against the C4 window", "[input]") {
  KuvertJob job(plain_job(2, 1));
  // 20 pages, duplex: 10 sheets, more than generic-omr folds.
  write_text_pdf(job.folder() / "dick.pdf", 20, 0, 25, "Erika Muster, Beispielweg 1", 89);
  add_document_with_file(job, "K-2026-000003", "dick.pdf");
  job.edit_manifest([](json& m) { m["documents"].back()["consolidate"] = false; });
  expect_refused(job, "kuvert: job \"test-job\": document \"K-2026-000003\": file \"dick.pdf\": page 1: its address "
                      "block (x 25.0 to ");
  CHECK(job.run().err.find("is not inside what the window of envelope \"c4\" shows wherever the sheet lies, 3 mm in "
                           "(x 23.0 to 88.0 mm, y 48.0 to 87.0 mm)") != std::string::npos);

  write_text_pdf(job.folder() / "dick.pdf", 20, 0, 25, "Erika Muster, Beispielweg 1", 80);
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::string envelope;
  for (const auto& entry : std::filesystem::directory_iterator(job.output()))
    if (entry.path().extension() == ".csv" && entry.path().stem().extension().empty())  // R.csv, not R.pieces.csv
      for (const auto& row : kuvert::test::read_csv(read_file(entry.path())))
        if (row.at("documents") == "K-2026-000003") envelope = row.at("envelope");
  CHECK(envelope == "c4");
}

TEST_CASE("a page with a font the file does not embed is refused, the standard fonts when the job says so",
          "[input]") {
  KuvertJob job(plain_job(2, 1));
  job.edit_manifest([](json& m) { m.erase("standard_fonts"); });
  expect_refused(job, "kuvert: job \"test-job\": document \"K-2026-000001\": file \"spool.pdf\": page 1 shows text in "
                      "the font \"Helvetica-Bold\", which the file does not embed: a printer would substitute another and "
                      "lines would reflow; deliver the print file with its fonts embedded (or allow the 14 standard "
                      "fonts with \"standard_fonts\": \"allow\" in job.json)");
  job.edit_manifest([](json& m) { m["standard_fonts"] = "sometimes"; });
  expect_refused(job, "field \"standard_fonts\": \"sometimes\" is neither \"refuse\" nor \"allow\"");
  job.edit_manifest([](json& m) { m["standard_fonts"] = "allow"; });
  const auto allowed = job.run();
  INFO(allowed.err);
  CHECK(allowed.exit_code == 0);
}

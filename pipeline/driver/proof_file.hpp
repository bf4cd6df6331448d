#pragma once
// The file `kuvert proof` writes for layout sign-off: the imposed pages of
// run files, each drawn as a form under the zones a printer and an
// inserter check (stages/impose/proof_zones), which lie on an
// optional-content layer of their own that viewers show and printing
// leaves out; before them a page for every record the run would refuse,
// saying why.
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"
#include "pipeline/pdf/source_pdf.hpp"
#include "stages/compose/page_content.hpp"
#include "stages/compose/text_setter.hpp"
#include "stages/impose/proof_zones.hpp"

namespace kuvert {

class ProofFile {
 public:
  // `fonts` (labels and reasons are set in its first font) must outlive
  // this. Throws kuvert::Error (system) when the file cannot be made.
  ProofFile(const std::filesystem::path& path, const compose::FontSet& fonts, const std::string& title,
            const std::string& created);

  // The problems of one record, which the run would leave out.
  void add_refusal(const std::vector<Diagnostic>& problems);
  // Pages of text: a heading, what follows, and the problems, one after
  // the other on as many pages as they take.
  void add_problems(const std::string& heading, const std::string& intro, const std::vector<Diagnostic>& problems);
  // Page `page` of `run` (the `run_index`th run file added) under `zones`.
  void add_page(SourcePdf& run, std::uint32_t run_index, std::uint32_t page, const std::vector<ProofZone>& zones);
  PdfFileResult finish();
  std::uint32_t pages() const { return pages_; }

 private:
  void write_page(const std::string& content, const std::string& resources);
  std::string font_resource() const;

  const compose::FontSet& fonts_;
  compose::TextSetter setter_;
  ObjectNumbering numbering_;
  std::uint32_t layer_;  // the optional content group of the zones
  compose::FontObjects font_;
  compose::GlyphUsage used_;
  PdfFileWriter writer_;
  std::uint32_t pages_ = 0;
};

}  // namespace kuvert

// kuvert-sample-job: writes a fictitious print-file job for demos and benchmarks.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "tools/sample_job/sample_job.hpp"

int main(int argc, char** argv) {
  kuvert::SampleJobOptions options;
  std::string folder;
  CLI::App app{"Writes FOLDER/spool.pdf and FOLDER/job.json with fictitious letters"};
  std::string mark_sheet;
  app.add_option("folder", folder, "Job folder to write");
  app.add_option("--mark-sheet", mark_sheet, "Instead: write a one-page PDF with the generic-omr bars");
  app.add_option("--documents", options.documents, "Number of letters");
  app.add_option("--pages", options.fixed_pages, "Pages per letter (default: 1 to 5, varied)");
  app.add_option("--seed", options.seed, "Random seed");
  app.add_option("--job", options.job, "Job name");
  app.add_option("--sides", options.sides, "simplex or duplex");
  app.add_option("--repeat-share", options.repeat_share, "Share of letters to a recipient already used (0 to 1)");
  app.add_option("--foreign-share", options.foreign_share, "Share of foreign recipients (0 to 1)");
  app.add_option("--insert-share", options.insert_share, "Share of letters with a feeder insert (0 to 1)");
  CLI11_PARSE(app, argc, argv);
  if (!mark_sheet.empty()) {
    kuvert::write_mark_sheet(mark_sheet);
    return 0;
  }
  if (folder.empty()) {
    std::fprintf(stderr, "kuvert-sample-job: a job folder or --mark-sheet is required\n");
    return 2;
  }
  const auto documents = kuvert::write_sample_job(folder, options);
  std::printf("%s: %zu documents\n", folder.c_str(), documents.size());
  return 0;
}

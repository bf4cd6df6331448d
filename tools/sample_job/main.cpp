// kuvert-sample-job: writes a fictitious print-file job for demos and benchmarks.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "tools/sample_job/sample_job.hpp"
#include "tools/sample_job/sample_records.hpp"

int main(int argc, char** argv) {
  kuvert::SampleJobOptions options;
  std::string folder;
  kuvert::SampleRecordsOptions records;
  CLI::App app{
      "Writes FOLDER/spool.pdf and FOLDER/job.json with fictitious letters, or with --layout a data job:\n"
      "FOLDER/job.json and FOLDER/records.jsonl"};
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
  app.add_option("--layout", records.layout, "Instead: a data job for this layout (grundsteuer, bezuege)");
  app.add_option("--records", records.records, "Records of the data job");
  app.add_option("--items", records.items, "Table rows per record (default: varied)");
  app.add_option("--long-address-share", records.long_address_share, "Share of long addresses (0 to 1)");
  app.add_flag("--skip-bad-records", records.skip_bad_records, "The job produces its good records and lists bad ones");
  std::string xml;
  app.add_option("--xml", xml, "With --layout: also write the records as XML to this file (for XSL-FO)");
  CLI11_PARSE(app, argc, argv);
  if (!mark_sheet.empty()) {
    kuvert::write_mark_sheet(mark_sheet);
    return 0;
  }
  if (folder.empty()) {
    std::fprintf(stderr, "kuvert-sample-job: a job folder or --mark-sheet is required\n");
    return 2;
  }
  if (app.count("--layout")) {
    records.seed = options.seed;
    records.foreign_share = options.foreign_share;
    if (app.count("--job")) records.job = options.job;
    kuvert::write_sample_records(folder, records);
    if (!xml.empty()) kuvert::write_records_xml(std::filesystem::path(folder) / "records.jsonl", xml);
    std::printf("%s: %zu records for layout %s\n", folder.c_str(), records.records, records.layout.c_str());
    return 0;
  }
  const auto documents = kuvert::write_sample_job(folder, options);
  std::printf("%s: %zu documents\n", folder.c_str(), documents.size());
  return 0;
}

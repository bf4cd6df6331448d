// kuvert-sample-print-file: a print file without an index, made of a data
// job's fictitious letters, and the index beside it.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "pipeline/model/error.hpp"
#include "tools/sample_print_file/sample_print_file.hpp"

int main(int argc, char** argv) {
  kuvert::SamplePrintFileOptions options;
  std::string folder;
  CLI::App app{
      "Writes FOLDER/FILE, the letters of fictitious records composed by a letter layout one after the other "
      "with no index, and FOLDER/job.json, the index an application would have written with it"};
  app.add_option("folder", folder, "Folder to write (must not exist)")->required();
  app.add_option("--layout", options.records.layout, "Letter layout (grundsteuer, bezuege)");
  app.add_option("--records", options.records.records, "Number of letters");
  app.add_option("--items", options.records.items, "Table rows per letter (default: varied)");
  app.add_option("--seed", options.records.seed, "Random seed");
  app.add_option("--foreign-share", options.records.foreign_share, "Share of foreign recipients (0 to 1)");
  app.add_option("--long-share", options.records.long_share,
                 "Share of letters with a long table over several pages (0 to 1)");
  app.add_option("--file", options.file, "The print file's name (default: druck.pdf)");
  app.add_option("--layouts", options.layouts, "Layouts folder (default: layouts)");
  app.add_option("--fonts", options.fonts, "Folder of fonts.toml (default: fonts)");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto letters = kuvert::write_sample_print_file(folder, options);
    std::printf("%s: %zu letters in %s, their index in job.json\n", folder.c_str(), letters, options.file.c_str());
  } catch (const kuvert::Error& error) {
    std::fprintf(stderr, "kuvert-sample-print-file: %s\n", error.what());
    return 1;
  }
  return 0;
}

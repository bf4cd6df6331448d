// The kuvert command line: parses arguments into requests, calls the same
// entry points the service uses, and reports errors in one place.
#include <poppler/cpp/poppler-global.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "pipeline/cli/command_words.hpp"
#include "pipeline/cli/progress_bar.hpp"
#include "pipeline/cli/serve_command.hpp"
#include "pipeline/cli/stage_file.hpp"
#include "pipeline/cli/store_commands.hpp"
#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/proof_job.hpp"
#include "pipeline/driver/run_job.hpp"
#include "pipeline/driver/scan_batch.hpp"
#include "pipeline/driver/scan_parts.hpp"
#include "pipeline/driver/split_job.hpp"
#include "pipeline/model/counted.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/terminal_text.hpp"

namespace {

namespace fs = std::filesystem;

// Exit codes: what went wrong, for scripts and the scheduler.
constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSystem = 3;
constexpr int kExitInternal = 4;
constexpr int kExitOutOfMemory = 5;  // the service tells a bomb from a bug by it

// A folder of the source tree beside the build folder (build/kuvert ->
// ../layouts), unless the environment variable names another.
fs::path default_folder(const char* name, const char* variable) {
  if (const char* configured = std::getenv(variable)) return configured;
  std::error_code error;
  const auto exe = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path(name) : exe.parent_path().parent_path() / name;
}

// "samples/steuer/" and "samples/steuer/job.json" both name "steuer".
// The request's clock: now, in Unix time.
std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

int exit_code(kuvert::ErrorKind kind) {
  switch (kind) {
    case kuvert::ErrorKind::input:
      return kExitInput;
    case kuvert::ErrorKind::usage:
      return kExitUsage;
    case kuvert::ErrorKind::system:
      return kExitSystem;
    case kuvert::ErrorKind::internal:
      return kExitInternal;
  }
  return kExitInternal;
}

// Text from input for the terminal (pipeline/model/terminal_text.hpp).
std::string shown(const std::string& text) { return kuvert::terminal_safe(text); }
std::string shown(const fs::path& path) { return kuvert::terminal_safe(path.string()); }

// "1 run", "2 runs".
void print_summary(const kuvert::JobSummary& summary, const fs::path& output) {
  std::printf("job %s: %s in %s, %s, %s -> %s\n", shown(summary.job).c_str(),
              kuvert::counted(summary.documents, "document", "documents").c_str(),
              kuvert::counted(summary.pieces, "mail piece", "mail pieces").c_str(),
              kuvert::counted(summary.sheets, "sheet", "sheets").c_str(),
              kuvert::counted(summary.runs.size(), "run", "runs").c_str(), shown(output).c_str());
  if (summary.exceptions)
    std::printf("  %s left out: see %s\n",
                kuvert::counted(summary.rejected_records.value_or(0), "bad record", "bad records").c_str(),
                shown(output / *summary.exceptions).c_str());
  for (const auto& run : summary.runs)
    std::printf("  %s  %6zu pieces  %6zu sheets%s\n", shown(run.file).c_str(), run.pieces, run.sheets,
                run.manual_handling ? "  manual handling" : "");
}

void print_scan_summary(const kuvert::ScanSummary& summary, const fs::path& output) {
  std::printf("scan %s: %s from %s, %s, %s, %s -> %s\n", shown(summary.batch).c_str(),
              kuvert::counted(summary.documents.size(), "document", "documents").c_str(),
              kuvert::counted(summary.pages, "page", "pages").c_str(),
              kuvert::counted(summary.blank_pages_dropped, "blank page dropped", "blank pages dropped").c_str(),
              kuvert::counted(summary.separator_sheets, "separator sheet", "separator sheets").c_str(),
              kuvert::counted(summary.rejected.size(), "file rejected", "files rejected").c_str(),
              shown(output).c_str());
  for (const auto& document : summary.documents)
    std::printf("  %s  %s\n", shown(document.file).c_str(), kuvert::counted(document.pages, "page", "pages").c_str());
  for (const auto& file : summary.rejected)
    std::fprintf(stderr, "kuvert: file \"%s\": %s\n", shown(file.file).c_str(), shown(file.reason).c_str());
}

// Tesseract's OpenMP build runs several times slower unless
// OMP_THREAD_LIMIT=1 is set when the process starts (STACK.md): the scan
// command starts itself once more with it set.
void limit_openmp_threads(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  ::setenv("OMP_THREAD_LIMIT", "1", 1);
  ::execv("/proc/self/exe", argv);  // returns only if it failed: go on, slower
}

}  // namespace

int main(int argc, char** argv) {
  // poppler (scans, print files' text, thumbnails) writes its complaints to
  // stderr; kuvert's refusal of a file says what matters.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  CLI::App app{"kuvert: print, inserting and scan production for a municipal print centre"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kuvert ") + KUVERT_VERSION);

  kuvert::RunRequest run;
  run.layouts = default_folder("layouts", "KUVERT_LAYOUTS");
  run.fonts = default_folder("fonts", "KUVERT_FONTS");
  auto* run_command = app.add_subcommand("run", "Produce the print runs of a job (job folder or job.json)");
  run_command->add_option("job", run.job, "Job folder holding job.json, or the manifest itself")->required();
  run_command->add_option("-o,--output", run.output, "Output folder (must not exist; default out/JOBFOLDER)");
  run_command->add_option("--threads", run.threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0u, 256u));
  run_command->add_option("--max-sheets", run.max_sheets, "Split runs at this many sheets (default 2000)")
      ->check(CLI::PositiveNumber);
  run_command->add_option("--layouts", run.layouts,
                          "Folder of profiles, tariffs, letter layouts and clients (default: the shipped layouts/)");
  run_command->add_option("--fonts", run.fonts, "Folder of fonts.toml (default: the shipped fonts/)");
  run_command->add_option("--date", run.production_date,
                          "Production date YYYY-MM-DD; picks the tariff (default today)");
  run_command->add_flag("--deterministic", run.deterministic, "Fixed timestamps: the same job gives the same bytes");
  // The service's time of the job, and the inbox it came by with the
  // client that inbox takes, for the child process that produces it.
  run_command->add_option("--created", run.created)->group("");
  run_command->add_option("--inbox", run.inbox)->group("");
  run_command->add_option("--inbox-client", run.inbox_client)->group("");
  run_command->add_option("--job-key", run.job_key)->group("");
  run_command->add_option("--split", run.split,
                          "JOB is a print file without an index: split it by this profile of LAYOUTS/splits/ first");
  run_command->add_option("--reprint", run.reprint,
                          "Make only the documents of this reprint order (the service writes one per reprint)");
  // Where the service's child notes the stage of its job (stage_file.hpp).
  std::filesystem::path stage_file;
  run_command->add_option("--stage-file", stage_file)->group("");

  kuvert::ProofRequest proof;
  proof.run.layouts = run.layouts;
  proof.run.fonts = run.fonts;
  auto* proof_command =
      app.add_subcommand("proof",
                         "A proof for layout sign-off: the first records of a job, imposed, under the zones "
                         "printer and inserter check");
  proof_command->add_option("job", proof.run.job, "Job folder holding job.json, or the manifest itself")->required();
  proof_command->add_option("-o,--output", proof.file, "Proof file (must not exist; default out/JOBFOLDER-proof.pdf)");
  proof_command->add_option("--records", proof.records, "Records (or documents) from the first (default 10)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  proof_command->add_option("--layouts", proof.run.layouts, "Folder of layouts (default: the shipped layouts/)");
  proof_command->add_option("--fonts", proof.run.fonts, "Folder of fonts.toml (default: the shipped fonts/)");
  proof_command->add_option("--date", proof.run.production_date, "Production date YYYY-MM-DD (default today)");
  proof_command->add_flag("--deterministic", proof.run.deterministic,
                          "Fixed timestamps, as kuvert run --deterministic");

  kuvert::ScanRequest scan;
  scan.layouts = run.layouts;
  auto* scan_command =
      app.add_subcommand("scan", "Archive scanned pages as searchable PDF/A documents with index data");
  scan_command->add_option("input", scan.inputs, "Scanned files (TIFF, PNG, JPEG, PDF) or folders of them")->required();
  scan_command->add_option("-o,--output", scan.output, "Output folder (must not exist; default out/scan-DATE-TIME)");
  scan_command->add_option("--profile", scan.profile, "Scan profile in LAYOUTS/scan/ (default posteingang)");
  scan_command->add_option("--threads", scan.threads, "Worker threads (default: one per core)")
      ->check(CLI::Range(0u, 256u));
  scan_command->add_option("--layouts", scan.layouts, "Folder holding scan/ profiles (default: the shipped layouts/)");
  scan_command->add_flag("--deterministic", scan.deterministic, "Fixed timestamps: the same scans give the same bytes");
  scan_command->add_option("--name", scan.name,
                           "Documents are NAME-0001, NAME-0002, ... (default: the output folder's name)");
  scan_command->add_option("--created", scan.created)->group("");

  // A batch in parts, for several workers (the service does this itself on
  // a PostgreSQL store); each step's --layouts and --threads as scan's.
  kuvert::ScanRequest parts;
  parts.layouts = run.layouts;
  std::size_t part_pages = 50, part = 0;
  fs::path plan_folder;
  std::vector<fs::path> part_folders;
  auto* parts_command =
      app.add_subcommand("scan-parts", "A scan batch in parts for several workers: plan, part, assemble");
  parts_command->require_subcommand(1);
  auto* parts_plan =
      parts_command->add_subcommand("plan", "Count the batch's pages and cut it into parts: OUTPUT/plan.cbor");
  parts_plan->add_option("input", parts.inputs, "Scanned files or folders of them, as for kuvert scan")->required();
  parts_plan->add_option("--pages", part_pages, "Pages per part (default 50)");
  parts_plan->add_option("--profile", parts.profile, "Scan profile in LAYOUTS/scan/ (default posteingang)");
  parts_plan->add_option("--name", parts.name, "Documents are NAME-0001, ... (default: the output folder's name)");
  auto* parts_part = parts_command->add_subcommand("part", "Read and recognise one part's pages: OUTPUT/pages.cbor");
  parts_part->add_option("plan", plan_folder, "The plan's folder")->required();
  parts_part->add_option("--part", part, "The part, from 1")->required();
  auto* parts_assemble =
      parts_command->add_subcommand("assemble", "The batch's documents from its parts, as kuvert scan writes them");
  parts_assemble->add_option("plan", plan_folder, "The plan's folder")->required();
  parts_assemble->add_option("part", part_folders, "Each part's folder, in order")->required();
  for (auto* step : {parts_plan, parts_part, parts_assemble}) {
    step->add_option("-o,--output", parts.output, "Output folder (must not exist)")->required();
    step->add_option("--layouts", parts.layouts, "Folder holding scan/ profiles (default: the shipped layouts/)");
    step->add_option("--threads", parts.threads, "Worker threads (default: one per core)")->check(CLI::Range(0u, 256u));
    step->add_option("--created", parts.created)->group("");
  }

  kuvert::SplitRequest split;
  split.layouts = run.layouts;
  auto* split_command = app.add_subcommand(
      "split", "Split a print file without an index into documents by a split profile: a job folder for kuvert run");
  split_command->add_option("printfile", split.print_file, "The print file (PDF)")->required();
  split_command->add_option("--profile", split.profile, "Split profile in LAYOUTS/splits/")->required();
  split_command->add_option("-o,--output", split.output,
                            "Job folder to write (must not exist; default jobs/STEM for STEM.pdf)");
  split_command->add_option("--layouts", split.layouts,
                            "Folder holding splits/ and the profiles its documents are checked against (default: the "
                            "shipped layouts/)");
  split_command->add_option("--date", split.production_date,
                            "Production date YYYY-MM-DD the profiles are read for, as kuvert run's (default today)");
  split.fonts = run.fonts;
  split_command->add_option("--proof", split.proof,
                            "Also write this PDF: each document's first page under the regions read and what was "
                            "found there (written even when the split is refused)");
  split_command->add_option("--fonts", split.fonts,
                            "Folder of fonts.toml, for the proof (default: the shipped fonts/)");

  std::filesystem::path serve_config = "kuvert.toml";
  auto* serve_command = app.add_subcommand("serve", "Run the service: watch folders, job store, delivery to printers");
  serve_command->add_option("-c,--config", serve_config, "Service configuration (default kuvert.toml)");
  auto* worker_command = app.add_subcommand(
      "worker", "Add capacity: process and deliver what the store's services take in, without inboxes or console");
  worker_command->add_option("-c,--config", serve_config, "Service configuration (default kuvert.toml)");

  kuvert::StoreCommands store_commands;
  store_commands.layouts = run.layouts;
  store_commands.fonts = run.fonts;
  kuvert::add_store_commands(app, store_commands);

  if (const auto problem = kuvert::command_word_problem(app, argc, argv); !problem.empty()) {
    std::fprintf(stderr, "kuvert: %s\n", kuvert::terminal_safe(problem).c_str());
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : kExitUsage;
  }

  try {
    if (const int status = kuvert::run_store_commands(store_commands); status >= 0) return status;
    if (serve_command->parsed() || worker_command->parsed()) {
      limit_openmp_threads(argv);  // scan inboxes read with Tesseract
      return kuvert::serve(
          serve_config, run.layouts, run.fonts,
          serve_command->parsed() ? kuvert::service::ServiceRole::serve : kuvert::service::ServiceRole::worker);
    }
    if (run_command->parsed()) {
      if (!run.split.empty()) limit_openmp_threads(argv);  // a split profile may read pages by OCR
      kuvert::complete(run, unix_now());
      kuvert::JobSummary summary;
      {
        kuvert::ProgressBar progress;  // closes its line before the summary
        kuvert::StageFile stages(stage_file, progress);
        summary = kuvert::run_job(run, stage_file.empty() ? static_cast<kuvert::Reporter&>(progress) : stages);
      }
      print_summary(summary, run.output);
    }
    if (proof_command->parsed()) {
      kuvert::complete(proof, unix_now());
      kuvert::ProofSummary summary;
      {
        kuvert::ProgressBar progress;
        summary = kuvert::proof_job(proof, progress);
      }
      std::printf("proof of %s: %s, %s refused -> %s (%s)\n", shown(proof.run.job).c_str(),
                  kuvert::counted(summary.letters, "letter", "letters").c_str(),
                  kuvert::counted(summary.refused, "record", "records").c_str(), shown(proof.file).c_str(),
                  kuvert::counted(summary.pages, "page", "pages").c_str());
    }
    if (split_command->parsed()) {
      limit_openmp_threads(argv);  // a profile may read pages by OCR
      kuvert::complete(split);
      if (!split.proof.empty()) kuvert::OutputFolder::refuse_existing(split.proof);
      const auto summary = kuvert::split_print_file(split);
      const std::string left_out = summary.left_out == 0
                                       ? ""
                                       : ", " + kuvert::counted(summary.left_out, "bad document", "bad documents") +
                                             " left out (exceptions.csv)";
      std::printf("%s: %s in %s%s -> %s (job.json, split.csv)\n", shown(split.print_file.filename()).c_str(),
                  kuvert::counted(summary.pages, "page", "pages").c_str(),
                  kuvert::counted(summary.documents, "document", "documents").c_str(), left_out.c_str(),
                  shown(split.output).c_str());
      if (!split.proof.empty()) std::printf("proof of the split -> %s\n", shown(split.proof).c_str());
    }
    if (scan_command->parsed()) {
      limit_openmp_threads(argv);
      kuvert::complete(scan, unix_now());
      const auto summary = kuvert::scan_batch(scan);
      print_scan_summary(summary, scan.output);
      if (!summary.rejected.empty()) return kExitInput;
    }
    if (parts_command->parsed()) {
      limit_openmp_threads(argv);
      kuvert::complete(parts, unix_now());
      if (parts_plan->parsed()) {
        const auto plan = kuvert::plan_scan_parts(parts, part_pages);
        std::printf("plan of %s: %s -> %s\n", shown(plan.batch).c_str(),
                    kuvert::counted(plan.parts.size(), "part", "parts").c_str(), shown(parts.output).c_str());
      }
      if (parts_part->parsed()) {
        kuvert::scan_part(plan_folder, part, parts);
        std::printf("part %zu -> %s\n", part, shown(parts.output).c_str());
      }
      if (parts_assemble->parsed()) {
        const auto summary = kuvert::assemble_scan_parts(plan_folder, part_folders, parts);
        print_scan_summary(summary, parts.output);
        if (!summary.rejected.empty()) return kExitInput;
      }
    }
    return 0;
  } catch (const kuvert::Error& error) {
    for (const auto& problem : error.problems())
      std::fprintf(stderr, "kuvert: %s\n",
                   kuvert::terminal_safe(kuvert::describe(problem.where, problem.message)).c_str());
    return exit_code(error.kind());
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "kuvert: out of memory\n");
    return kExitOutOfMemory;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "kuvert: internal error: %s\n", kuvert::terminal_safe(error.what()).c_str());
    return kExitInternal;
  }
}

#pragma once
// One job or scan batch produced in a child process of its own (the same
// kuvert binary, `kuvert run` or `kuvert scan`), so that an input that
// crashes a library, loops or eats memory fails alone and the service goes
// on. The child gets limits on memory, CPU time and wall time, no core
// dumps (its memory holds personal data), and no descriptor of the service.
#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/config/service_config.hpp"
#include "pipeline/service/file_confinement.hpp"

namespace kuvert::service {

struct ProductionExit {
  enum class Kind {
    finished,  // exit status 0 (or 1 from a scan with rejected files: its summary tells)
    refused,   // exit status 1: the input is bad; `problems` say why
    failed,    // exit status 2 to 4: the disk, the system, a bug; worth another try
    poisoned,  // crashed, killed at a limit, out of memory: never tried again
    stopped,   // the service is stopping; the input stays for the next start
  };
  Kind kind = Kind::finished;
  int status = 0;                     // the exit status, when it exited
  std::vector<std::string> problems;  // what the child reported, one line each
  std::string reason;                 // poisoned and failed: what happened, for the operator
};

// Where a child may work: the files it may reach (nullptr: anywhere) and
// its folder for temporary files (TMPDIR; empty: the system's).
struct ProductionPlace {
  const FileConfinement* confinement = nullptr;
  std::filesystem::path temporary;
};

// Runs `program arguments...` and waits for it, polling `stopping`. The
// child's standard error goes to `report` (removed afterwards), whose
// "kuvert: " lines become `problems`. Throws kuvert::Error (system) when
// no child can be started.
ProductionExit run_production_process(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                                      const JobLimits& limits, const std::filesystem::path& report,
                                      const std::atomic<bool>& stopping, const ProductionPlace& place = {});

}  // namespace kuvert::service

#pragma once
// A reporter for a child of the service: each stage of the job is written
// to a small file (replacing the one before), which the service reads when
// the child crashed; progress goes to the reporter it wraps.
#include <filesystem>

#include "pipeline/driver/reporter.hpp"

namespace kuvert {

class StageFile : public Reporter {
 public:
  StageFile(std::filesystem::path file, Reporter& inner) : file_(std::move(file)), inner_(inner) {}
  void progress(std::size_t sheets_done, std::size_t sheets_total) override {
    inner_.progress(sheets_done, sheets_total);
  }
  void stage(const std::string& what) override;

 private:
  std::filesystem::path file_;
  Reporter& inner_;
};

}  // namespace kuvert

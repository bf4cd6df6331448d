#include "pipeline/cli/stage_file.hpp"

#include <fstream>

namespace kuvert {

void StageFile::stage(const std::string& what) {
  std::ofstream(file_, std::ios::binary | std::ios::trunc) << what;  // a crash reads the last one whole
}

}  // namespace kuvert

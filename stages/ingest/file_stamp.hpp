#pragma once
#include <filesystem>

#include "pipeline/model/job.hpp"

namespace kuvert {

// The file's device, inode, size and modification time; all zero when it
// cannot be examined.
FileStamp file_stamp(const std::filesystem::path& path);

}  // namespace kuvert

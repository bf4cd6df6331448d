#pragma once
// A check of a TIFF file's chain of directories (one per page) that
// ImageMagick cannot give: libtiff stops at a chain that loops back and
// only warns, through a handler for the whole process that Leptonica takes
// over when it writes a TIFF. Here the file gets handlers of its own.
#include <filesystem>

namespace kuvert::scan {

// Whether `file` is a TIFF whose directories loop back on themselves.
// False for other files and for TIFFs libtiff cannot open.
bool tiff_directories_loop(const std::filesystem::path& file);

}  // namespace kuvert::scan

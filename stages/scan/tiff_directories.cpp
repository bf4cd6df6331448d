#include "stages/scan/tiff_directories.hpp"

#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <fstream>

namespace kuvert::scan {
namespace {

bool is_tiff(const std::filesystem::path& file) {
  char magic[4] = {};
  std::ifstream(file, std::ios::binary).read(magic, sizeof magic);
  return (std::memcmp(magic, "II", 2) == 0 && (magic[2] == 42 || magic[2] == 43) && magic[3] == 0) ||
         (std::memcmp(magic, "MM", 2) == 0 && magic[2] == 0 && (magic[3] == 42 || magic[3] == 43));
}

// Quiet: libtiff's messages are not the operator's; a loop is noted.
int note_loop(TIFF*, void* user, const char*, const char* format, va_list arguments) {
  char message[512];
  std::vsnprintf(message, sizeof message, format, arguments);
  if (std::strstr(message, "IFD looping") != nullptr) *static_cast<bool*>(user) = true;
  return 1;  // handled: the process's handlers are not called
}

}  // namespace

bool tiff_directories_loop(const std::filesystem::path& file) {
  if (!is_tiff(file)) return false;
  bool loop = false;
  TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
  TIFFOpenOptionsSetErrorHandlerExtR(options, note_loop, &loop);
  TIFFOpenOptionsSetWarningHandlerExtR(options, note_loop, &loop);
  TIFF* tiff = TIFFOpenExt(file.c_str(), "r", options);
  TIFFOpenOptionsFree(options);
  if (tiff == nullptr) return false;
  while (!loop && TIFFReadDirectory(tiff)) {
  }
  TIFFClose(tiff);
  return loop;
}

}  // namespace kuvert::scan

// libtiff is the one G4 encoder at hand (Debian's, already under Leptonica).
// It writes a one-strip TIFF into a string through client procedures; the
// strip is then the raw G4 data PDF wants.
#include "stages/scan/g4_encoder.hpp"

#include <tiffio.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "pipeline/model/error.hpp"

namespace kuvert::scan {
namespace {

struct MemoryFile {
  std::string bytes;
  toff_t at = 0;
};

tsize_t read_memory(thandle_t handle, tdata_t buffer, tsize_t size) {
  auto& file = *static_cast<MemoryFile*>(handle);
  const auto count = std::min<toff_t>(static_cast<toff_t>(size), file.bytes.size() - std::min<toff_t>(file.at, file.bytes.size()));
  std::memcpy(buffer, file.bytes.data() + file.at, count);
  file.at += count;
  return static_cast<tsize_t>(count);
}

tsize_t write_memory(thandle_t handle, tdata_t buffer, tsize_t size) {
  auto& file = *static_cast<MemoryFile*>(handle);
  const auto end = file.at + static_cast<toff_t>(size);
  if (end > file.bytes.size()) file.bytes.resize(end);
  std::memcpy(file.bytes.data() + file.at, buffer, static_cast<std::size_t>(size));
  file.at = end;
  return size;
}

toff_t seek_memory(thandle_t handle, toff_t offset, int whence) {
  auto& file = *static_cast<MemoryFile*>(handle);
  if (whence == SEEK_CUR) offset += file.at;
  if (whence == SEEK_END) offset += file.bytes.size();
  file.at = offset;
  return offset;
}

int close_memory(thandle_t) { return 0; }
toff_t memory_size(thandle_t handle) { return static_cast<MemoryFile*>(handle)->bytes.size(); }
int no_map(thandle_t, tdata_t*, toff_t*) { return 0; }
void no_unmap(thandle_t, tdata_t, toff_t) {}

// Quiet: what fails is reported once, below.
int quiet(TIFF*, void*, const char*, const char*, va_list) { return 1; }

TIFF* open_memory(MemoryFile& file, const char* mode) {
  TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
  TIFFOpenOptionsSetErrorHandlerExtR(options, quiet, nullptr);
  TIFFOpenOptionsSetWarningHandlerExtR(options, quiet, nullptr);
  TIFF* tiff = TIFFClientOpenExt("page", mode, &file, read_memory, write_memory, seek_memory, close_memory,
                                 memory_size, no_map, no_unmap, options);
  TIFFOpenOptionsFree(options);
  return tiff;
}

[[noreturn]] void encoding_failed() {
  throw Error(ErrorKind::internal, Where{}, "libtiff could not encode a page image as G4");
}

}  // namespace

std::string g4_data(Pix* page) {
  const auto width = static_cast<std::uint32_t>(pixGetWidth(page));
  const auto height = static_cast<std::uint32_t>(pixGetHeight(page));
  MemoryFile file;
  TIFF* out = open_memory(file, "w");
  if (out == nullptr) encoding_failed();
  TIFFSetField(out, TIFFTAG_IMAGEWIDTH, width);
  TIFFSetField(out, TIFFTAG_IMAGELENGTH, height);
  TIFFSetField(out, TIFFTAG_BITSPERSAMPLE, 1);
  TIFFSetField(out, TIFFTAG_SAMPLESPERPIXEL, 1);
  TIFFSetField(out, TIFFTAG_COMPRESSION, COMPRESSION_CCITTFAX4);
  TIFFSetField(out, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISWHITE);  // 1 = black, as in the pix
  TIFFSetField(out, TIFFTAG_FILLORDER, FILLORDER_MSB2LSB);
  TIFFSetField(out, TIFFTAG_ROWSPERSTRIP, height);  // one strip: the whole G4 stream
  // A pix row is 32-bit words, the leftmost pixel in the top bit.
  const l_int32 words = pixGetWpl(page);
  const l_uint32* data = pixGetData(page);
  std::vector<unsigned char> row((width + 7) / 8);
  bool written = true;
  for (std::uint32_t y = 0; y < height && written; ++y) {
    const l_uint32* line = data + static_cast<std::size_t>(y) * static_cast<std::size_t>(words);
    for (std::size_t i = 0; i < row.size(); ++i) row[i] = static_cast<unsigned char>(line[i / 4] >> (24 - 8 * (i % 4)));
    written = TIFFWriteScanline(out, row.data(), y, 0) == 1;
  }
  written = written && TIFFWriteDirectory(out) == 1;
  TIFFClose(out);
  if (!written) encoding_failed();

  file.at = 0;
  TIFF* in = open_memory(file, "r");
  if (in == nullptr) encoding_failed();
  const tmsize_t size = TIFFRawStripSize(in, 0);
  std::string g4(size > 0 ? static_cast<std::size_t>(size) : 0, '\0');
  const bool read = size > 0 && TIFFReadRawStrip(in, 0, g4.data(), size) == size;
  TIFFClose(in);
  if (!read) encoding_failed();
  return g4;
}

}  // namespace kuvert::scan

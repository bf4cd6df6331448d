#pragma once
// A PoDoFo input device over a file, read with pread() through one 32 KB
// window. PoDoFo's own file device calls ftello/fgetc/fseeko for every
// character it peeks at, which made parsing three times slower; a memory
// map was ruled out because mapped pages count in the process's RSS.
#include <cstdint>
#include <filesystem>
#include <vector>

#include <podofo/base/PdfInputDevice.h>

namespace kuvert::ingest {

class BufferedFileDevice : public PoDoFo::PdfInputDevice {
 public:
  // Never throws; check open_error() (an errno value, 0 when open).
  explicit BufferedFileDevice(const std::filesystem::path& path);
  ~BufferedFileDevice() override;
  BufferedFileDevice(const BufferedFileDevice&) = delete;
  BufferedFileDevice& operator=(const BufferedFileDevice&) = delete;

  int open_error() const { return open_error_; }
  std::uint64_t size() const { return size_; }

  std::streamoff Tell() const override { return static_cast<std::streamoff>(position_); }
  int GetChar() const override;
  int Look() const override;
  void Seek(std::streamoff offset, std::ios_base::seekdir direction = std::ios_base::beg) override;
  std::streamoff Read(char* buffer, std::streamsize length) override;
  bool Eof() const override { return position_ >= size_; }
  bool Bad() const override { return fd_ < 0; }

 private:
  bool fill() const;  // makes position_ fall inside the window, false at the end

  int fd_ = -1;
  int open_error_ = 0;
  std::uint64_t size_ = 0;
  mutable std::uint64_t position_ = 0;
  mutable std::uint64_t window_start_ = 0;
  mutable std::vector<char> window_;
  mutable std::size_t window_length_ = 0;
};

}  // namespace kuvert::ingest

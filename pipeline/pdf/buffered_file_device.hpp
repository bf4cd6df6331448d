#pragma once
// A PoDoFo input device over a file, read with pread() through a few 16 KB
// windows. PoDoFo's own file device calls ftello/fgetc/fseeko for every
// character it peeks at, which made parsing three times slower; a memory
// map was ruled out because mapped pages count in the process's RSS.
// Several windows, because copying a page alternates between regions of a
// file (page dictionaries often sit together, away from their contents):
// one window was refilled twice per page.
#include <cstdint>
#include <filesystem>
#include <vector>

#include <podofo/base/PdfInputDevice.h>

namespace kuvert::pdf {

class BufferedFileDevice : public PoDoFo::PdfInputDevice {
 public:
  // Never throws; check open_error() (an errno value, 0 when open;
  // EISDIR for a folder, ESPIPE for a FIFO, device or socket).
  explicit BufferedFileDevice(const std::filesystem::path& path);
  ~BufferedFileDevice() override;
  BufferedFileDevice(const BufferedFileDevice&) = delete;
  BufferedFileDevice& operator=(const BufferedFileDevice&) = delete;

  int open_error() const { return open_error_; }
  std::uint64_t size() const { return size_; }
  // The device and inode of the file that was opened (fstat, not a name).
  std::uint64_t device() const { return device_; }
  std::uint64_t inode() const { return inode_; }

  std::streamoff Tell() const override { return static_cast<std::streamoff>(position_); }
  int GetChar() const override;
  int Look() const override;
  void Seek(std::streamoff offset, std::ios_base::seekdir direction = std::ios_base::beg) override;
  std::streamoff Read(char* buffer, std::streamsize length) override;
  bool Eof() const override { return position_ >= size_; }
  bool Bad() const override { return fd_ < 0; }

 private:
  struct Window {
    std::uint64_t start = 0;
    std::size_t length = 0;
    std::uint64_t last_use = 0;
    std::vector<char> bytes;
  };
  bool fill() const;  // makes position_ fall inside current(), false at the end
  const Window& current() const { return windows_[current_]; }
  bool holds(const Window& window) const {
    return position_ >= window.start && position_ < window.start + window.length;
  }

  int fd_ = -1;
  int open_error_ = 0;
  std::uint64_t size_ = 0;
  std::uint64_t device_ = 0;
  std::uint64_t inode_ = 0;
  mutable std::uint64_t position_ = 0;
  mutable std::vector<Window> windows_;
  mutable std::size_t current_ = 0;
  mutable std::uint64_t uses_ = 0;
};

}  // namespace kuvert::pdf

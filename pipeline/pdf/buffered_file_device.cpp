#include "pipeline/pdf/buffered_file_device.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <podofo/base/PdfError.h>

namespace kuvert::pdf {
namespace {

constexpr std::size_t kWindowSize = 16 * 1024;
constexpr std::size_t kWindows = 4;

// pread() until `length` bytes or the end of the file; -1 on an I/O error.
std::int64_t read_fully(int fd, char* buffer, std::size_t length, std::uint64_t offset) {
  std::size_t done = 0;
  while (done < length) {
    const ssize_t n = ::pread(fd, buffer + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  return static_cast<std::int64_t>(done);
}

}  // namespace

BufferedFileDevice::BufferedFileDevice(const std::filesystem::path& path) : windows_(kWindows) {
  for (auto& window : windows_) window.bytes.resize(kWindowSize);
  // O_NONBLOCK: opening a FIFO would otherwise wait for a writer for ever.
  // What was opened is then checked, not what a name pointed to before.
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd_ < 0) {
    open_error_ = errno;
    return;
  }
  struct stat info {};
  if (::fstat(fd_, &info) != 0) {
    open_error_ = errno;
  } else if (S_ISDIR(info.st_mode)) {
    open_error_ = EISDIR;
  } else if (!S_ISREG(info.st_mode)) {
    open_error_ = ESPIPE;  // a FIFO, device or socket: no file to seek in
  } else {
    size_ = static_cast<std::uint64_t>(info.st_size);
    device_ = static_cast<std::uint64_t>(info.st_dev);
    inode_ = static_cast<std::uint64_t>(info.st_ino);
  }
}

BufferedFileDevice::~BufferedFileDevice() {
  if (fd_ >= 0) ::close(fd_);
}

bool BufferedFileDevice::fill() const {
  if (holds(windows_[current_])) return true;
  std::size_t oldest = 0;
  for (std::size_t i = 0; i < windows_.size(); ++i) {
    if (holds(windows_[i])) {
      current_ = i;
      windows_[i].last_use = ++uses_;
      return true;
    }
    if (windows_[i].last_use < windows_[oldest].last_use) oldest = i;
  }
  if (position_ >= size_) return false;
  Window& window = windows_[oldest];
  const std::int64_t n = read_fully(fd_, window.bytes.data(), window.bytes.size(), position_);
  if (n < 0) PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_InvalidDeviceOperation, std::strerror(errno));
  window.start = position_;
  window.length = static_cast<std::size_t>(n);
  window.last_use = ++uses_;
  current_ = oldest;
  return window.length > 0;
}

int BufferedFileDevice::Look() const {
  if (!fill()) return EOF;
  return static_cast<unsigned char>(current().bytes[position_ - current().start]);
}

int BufferedFileDevice::GetChar() const {
  const int c = Look();
  if (c != EOF) ++position_;
  return c;
}

void BufferedFileDevice::Seek(std::streamoff offset, std::ios_base::seekdir direction) {
  std::int64_t base = 0;
  if (direction == std::ios_base::cur) base = static_cast<std::int64_t>(position_);
  if (direction == std::ios_base::end) base = static_cast<std::int64_t>(size_);
  const std::int64_t target = base + offset;
  if (target < 0) PODOFO_RAISE_ERROR(PoDoFo::ePdfError_ValueOutOfRange);
  position_ = static_cast<std::uint64_t>(target);
}

std::streamoff BufferedFileDevice::Read(char* buffer, std::streamsize length) {
  if (length <= 0 || position_ >= size_) return 0;
  auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(length), size_ - position_));
  std::size_t done = 0;
  // What the window already holds, then the rest straight from the file.
  if (fill()) {
    const Window& window = current();
    done = std::min(wanted, static_cast<std::size_t>(window.start + window.length - position_));
    std::memcpy(buffer, window.bytes.data() + (position_ - window.start), done);
  }
  if (done < wanted) {
    const std::int64_t n = read_fully(fd_, buffer + done, wanted - done, position_ + done);
    if (n < 0) PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_InvalidDeviceOperation, std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  position_ += done;
  return static_cast<std::streamoff>(done);
}

}  // namespace kuvert::pdf

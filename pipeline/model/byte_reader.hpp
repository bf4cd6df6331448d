#pragma once
// Reading a records file through its stream buffer, byte by byte, counting
// offsets: each record then knows where it begins (for read_record_at), and
// no line or row is held beyond kMaxRecordBytes.
#include <cstdint>
#include <istream>
#include <string>

namespace kuvert {

// A line or CSV row longer than this is refused rather than held in memory
// (a CSV quote that is never closed would otherwise take in the whole file).
inline constexpr std::uint64_t kMaxRecordBytes = 16u << 20;

// The problem of a line or row past kMaxRecordBytes.
std::string too_long_message();

// Reads `in` from its current position, which is byte `offset` of the file.
// Keeps a reference to the stream buffer of `in`, which must outlive it; the
// position of `in` moves as it reads.
class ByteReader {
 public:
  ByteReader(std::istream& in, std::uint64_t offset) : buffer_(*in.rdbuf()), offset_(offset) {}

  static constexpr int kEnd = std::char_traits<char>::eof();

  // The next byte (as unsigned char), or kEnd.
  int get() {
    const int c = buffer_.sbumpc();
    if (c != kEnd) ++offset_;
    return c;
  }
  int peek() { return buffer_.sgetc(); }
  // The offset of the next byte.
  std::uint64_t offset() const { return offset_; }

  // The rest of the line without "\n" or "\r\n"; false at the end of input.
  // Keeps at most kMaxRecordBytes; `too_long` tells whether more was dropped.
  bool line(std::string& text, bool& too_long);

 private:
  std::streambuf& buffer_;
  std::uint64_t offset_;
};

}  // namespace kuvert

#include "pipeline/model/byte_reader.hpp"

namespace kuvert {

std::string too_long_message() {
  std::string message = "is longer than ";
  message += std::to_string(kMaxRecordBytes >> 20);
  message += " MiB; no record needs that much";
  return message;
}

bool ByteReader::line(std::string& text, bool& too_long) {
  text.clear();
  too_long = false;
  if (peek() == kEnd) return false;
  for (int c = get(); c != kEnd && c != '\n'; c = get())
    if (text.size() < kMaxRecordBytes)
      text += static_cast<char>(c);
    else
      too_long = true;
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return true;
}

}  // namespace kuvert

#include "pipeline/pdf/pdf_object.hpp"

#include <zlib.h>

#include <cmath>
#include <stdexcept>

namespace kuvert {

std::string pdf_thousandths(std::int64_t thousandths) {
  std::string text = thousandths < 0 ? "-" : "";
  const std::uint64_t magnitude =
      thousandths < 0 ? static_cast<std::uint64_t>(-thousandths) : static_cast<std::uint64_t>(thousandths);
  text += std::to_string(magnitude / 1000);
  const std::uint64_t fraction = magnitude % 1000;
  if (fraction == 0) return text;
  std::string digits = std::to_string(fraction);
  digits.insert(0, 3 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  text += '.';
  return text += digits;
}

std::string pdf_number(double value) { return pdf_thousandths(std::llround(value * 1000)); }

std::string pdf_reference(std::uint32_t number) {
  std::string text = std::to_string(number);
  return text += " 0 R";
}

std::string pdf_date(const std::string& iso) {
  std::string date = "D:";
  for (const char c : iso)
    if (c >= '0' && c <= '9' && date.size() < 16) date += c;
  return date += 'Z';
}

std::string pdf_literal(std::string_view bytes) {
  std::string out = "(";
  for (const char c : bytes) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out + ")";
}

std::string pdf_stream(const std::string& entries, std::string_view data) {
  std::string body = "<< ";
  if (!entries.empty()) (body += entries) += ' ';
  body += "/Length " + std::to_string(data.size()) + " >>\nstream\n";
  body += data;
  return body += "\nendstream";
}

std::string deflate(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), 1) != Z_OK)
    throw std::runtime_error("zlib could not compress a stream");
  out.resize(size);
  return out;
}

std::string pdf_page(double width_pt, double height_pt, const std::string& resources, std::uint32_t contents) {
  return "<< /Type /Page /Parent " + pdf_reference(kPagesObject) + " /MediaBox [0 0 " + pdf_number(width_pt) + " " +
         pdf_number(height_pt) + "] /Resources " + resources + " /Contents " + pdf_reference(contents) + " >>";
}

std::string flate_stream(const std::string& entries, std::string_view data) {
  return pdf_stream(entries.empty() ? "/Filter /FlateDecode" : entries + " /Filter /FlateDecode", deflate(data));
}

}  // namespace kuvert

#include "stages/impose/datamatrix_code.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "pipeline/model/error.hpp"
#include "pipeline/model/mail_piece.hpp"

namespace kuvert {
namespace {

void check_id(const SheetContext& sheet, const std::string& id, const char* what) {
  const bool clean =
      !id.empty() && std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < 0x7f && c != '|'; });
  if (!clean)
    throw Error(ErrorKind::internal, where_of(sheet),
                std::string("the ") + what + " \"" + id + "\" cannot go into a DataMatrix payload");
}

std::string two_digits(std::uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u", value);
  return buffer;
}

}  // namespace

std::string divert_sheet_id(const std::string& job_key, const std::string& run) {
  return job_key.empty() ? run : job_key + "-" + run;
}

std::string datamatrix_payload(const SheetContext& sheet) {
  check_id(sheet, sheet.run_id, "run id");
  if (!sheet.job_key.empty()) check_id(sheet, sheet.job_key, "job key");
  if (sheet.divert) return divert_sheet_id(sheet.job_key, sheet.run_id) + "|DIVERT";
  check_id(sheet, sheet.piece_id, "piece id");
  std::string payload = coded_piece_id(sheet.job_key, sheet.run_id, sheet.piece_id);
  payload += "|S" + two_digits(sheet.sheet_in_piece) + "/" + two_digits(sheet.piece_sheets) + "|F";

  std::vector<int> stations = sheet.feeder_stations;
  std::sort(stations.begin(), stations.end());
  stations.erase(std::unique(stations.begin(), stations.end()), stations.end());
  for (std::size_t i = 0; i < stations.size(); ++i) {
    if (i) payload += ',';
    payload += std::to_string(stations[i]);
  }
  return payload;
}

ModuleMatrix datamatrix_modules(const std::string& payload) {
  ZXing::BitMatrix bits;
  try {
    // Width and height 0 ask for the symbol's own size: one bit per module.
    bits = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::DataMatrix).setMargin(0).encode(payload, 0, 0);
  } catch (const std::exception& error) {
    throw Error(ErrorKind::internal, Where{}, "cannot encode DataMatrix \"" + payload + "\": " + error.what());
  }
  ModuleMatrix matrix{bits.width(), bits.height(), {}};
  matrix.dark.resize(static_cast<std::size_t>(matrix.width) * matrix.height);
  for (int y = 0; y < matrix.height; ++y)
    for (int x = 0; x < matrix.width; ++x) matrix.dark[static_cast<std::size_t>(y) * matrix.width + x] = bits.get(x, y);
  return matrix;
}

}  // namespace kuvert

#pragma once
// A client's posting list (Einlieferungsliste) for one day: the pieces
// handed to the postal service by product, weight class and destination,
// with their postage, as CSV for the accounts and as an A4 page to hand
// over with the trays, in German.
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/model/posting_line.hpp"

namespace kuvert {

// The CSV: a header, then one row per line (neutralised for spreadsheets).
std::string posting_list_csv(const std::string& date, const std::vector<PostingLine>& lines);

// The PDF at `path` (fonts from `fonts`, the folder of fonts.toml): title,
// client and day, one row per line, the totals, and fields to sign.
// Throws kuvert::Error.
void write_posting_list_pdf(const std::filesystem::path& path, const std::filesystem::path& fonts,
                            const std::string& date, const std::string& client, const std::vector<PostingLine>& lines);

}  // namespace kuvert

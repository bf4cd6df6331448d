// A data job's records file, JSON Lines or CSV (the first byte chooses),
// read against a shipped layout's fields (grundsteuer with its table for
// JSON Lines, the flat erinnerung for CSV, which cannot hold lists), and
// records looked up again by their offsets.
#include <fstream>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "stages/ingest/record_reader.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

const kuvert::RecordSchema& fields(bool csv) {
  static const kuvert::FontCatalog fonts = kuvert::load_fonts(KUVERT_SOURCE_DIR "/fonts");
  static const kuvert::LetterLayout table = kuvert::load_letter_layout(KUVERT_SOURCE_DIR "/layouts", "grundsteuer", fonts);
  static const kuvert::LetterLayout flat = kuvert::load_letter_layout(KUVERT_SOURCE_DIR "/layouts", "erinnerung", fonts);
  return csv ? flat.fields : table.fields;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool csv = data[0] & 1;
  const auto path = kuvert::fuzz::input_file(data + 1, size - 1, csv ? "records.csv" : "records.jsonl");
  kuvert::Where where;
  where.file = path.filename().string();
  std::vector<kuvert::Diagnostic> problems;
  try {
    std::vector<std::uint64_t> offsets;
    {
      kuvert::RecordReader reader(path, where, fields(csv), problems);
      while (const auto entry = reader.next()) {
        if (offsets.size() < 8) offsets.push_back(entry->offset);
      }
    }
    std::ifstream in(path, std::ios::binary);
    kuvert::RecordLookup lookup(in, csv ? kuvert::RecordFormat::csv : kuvert::RecordFormat::json_lines, where,
                                fields(csv));
    for (const auto offset : offsets) lookup.at(offset, problems);
  } catch (const kuvert::Error&) {
  }
  return 0;
}

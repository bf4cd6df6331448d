#pragma once
// Limits of the PDF reader: a print file is input from another system and
// may be damaged or hostile. Each limit is far above what a real spool
// needs and low enough that no file can exhaust the stack or the memory
// of the process that reads it. The README lists them.
#include <cstddef>

namespace kuvert::pdf {

// Arrays and dictionaries inside one another. PoDoFo's tokenizer parses
// them recursively (20,000 levels overflowed the stack); real files nest a
// handful of levels.
inline constexpr int kMaxPdfNesting = 100;
// Bytes one decoded stream (object stream, cross-reference stream) may
// grow to: a 2.6 kB object stream once decoded to gigabytes.
inline constexpr std::size_t kMaxDecodedStream = std::size_t{64} << 20;
// Above 1 MiB, the decoded size may be at most this multiple of the
// encoded one. Flate reaches about 1,000 on runs of one byte; object and
// cross-reference streams of real files stay far below 100.
inline constexpr std::size_t kMaxDecodeRatio = 200;
inline constexpr std::size_t kRatioCheckedFrom = std::size_t{1} << 20;

}  // namespace kuvert::pdf

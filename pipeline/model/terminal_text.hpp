#pragma once
// Text from input (names, ids, recipient lines, file names) on its way to a
// terminal or a log. A newline in an inbox entry's name would forge a log
// line, and ESC, CSI and OSC sequences in a recipient's name would move the
// cursor, retitle the window or hide what follows; bidirectional overrides
// would show text in another order than it is stored.
#include <string>
#include <string_view>

namespace kuvert {

// `text` with every C0 control character and DEL as \xNN (\n, \r and \t as
// such), every C1 control, line and paragraph separator and bidirectional
// control as \uNNNN, and every byte that is not UTF-8 as \xNN. Printable
// text, non-ASCII letters included, stays as it is.
std::string terminal_safe(std::string_view text);

}  // namespace kuvert

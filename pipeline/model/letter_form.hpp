#pragma once

namespace kuvert {

// DIN 5008 form A (short letterhead, address field from 27 mm, folds at 87
// and 192 mm) or B (address field from 45 mm, folds at 105 and 210 mm).
enum class LetterForm { a, b };

}  // namespace kuvert

#pragma once
#include <filesystem>

#include "pipeline/model/font_catalog.hpp"

namespace kuvert {

// Reads fonts/fonts.toml (its keys are documented in the file): every font
// file must exist and every fallback name a font of the file. Throws
// Error(ErrorKind::input) listing every problem, with Where::file
// "fonts.toml" and Where::field the font ("sans.file").
FontCatalog load_fonts(const std::filesystem::path& fonts_dir);

}  // namespace kuvert

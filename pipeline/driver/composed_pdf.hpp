#pragma once
// Composed pages written into a PDF file of their own, with
// their fonts embedded, as a run file would carry them.
#include <filesystem>
#include <string>
#include <vector>

#include "stages/compose/font_set.hpp"
#include "stages/compose/logo_image.hpp"
#include "stages/compose/page_content.hpp"

namespace kuvert {

void write_composed_pdf(const std::filesystem::path& path, const compose::FontSet& fonts,
                        const std::vector<std::string>& pages, const compose::GlyphUsage& usage,
                        const compose::LogoImage* logo = nullptr);

}  // namespace kuvert

#include "tests/support/edited_layouts.hpp"

#include <fstream>

#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"

namespace kuvert::test {

std::filesystem::path edited_layouts(const std::filesystem::path& folder, const std::string& file,
                                     const std::function<void(std::string&)>& edit) {
  const auto layouts = folder / "layouts";
  if (!std::filesystem::exists(layouts))
    std::filesystem::copy(source_dir() / "layouts", layouts, std::filesystem::copy_options::recursive);
  std::string text = read_file(layouts / file);
  edit(text);
  std::ofstream(layouts / file, std::ios::binary | std::ios::trunc) << text;
  return layouts;
}

}  // namespace kuvert::test

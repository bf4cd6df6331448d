#include "stages/scan/scan_input.hpp"

#include <Magick++.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "pipeline/model/error.hpp"

namespace kuvert::scan {
namespace {

[[noreturn]] void refuse(const std::string& name, std::string reason) {
  Where where;
  where.file = name;
  throw_input(where, std::move(reason));
}

// ImageMagick's message without its program prefix and the file path.
std::string reason_of(const Magick::Exception& error) {
  std::string text = error.what();
  if (const auto colon = text.find(": "); colon != std::string::npos) text = text.substr(colon + 2);
  if (const auto quote = text.find(" `"); quote != std::string::npos) text = text.substr(0, quote);
  return text;
}

int dpi_of(const Magick::Image& image) {
  const double x = image.xResolution();
  if (x <= 1) return 300;
  return static_cast<int>(image.resolutionUnits() == MagickCore::PixelsPerCentimeterResolution ? x * 2.54 + 0.5 : x + 0.5);
}

PixPtr grey_pix(Magick::Image& image) {
  const auto width = image.columns(), height = image.rows();
  std::vector<unsigned char> grey(width * height);
  image.write(0, 0, width, height, "I", Magick::CharPixel, grey.data());
  PixPtr pix(pixCreate(static_cast<l_int32>(width), static_cast<l_int32>(height), 8));
  l_uint32* data = pixGetData(pix.get());
  const l_int32 words = pixGetWpl(pix.get());
  for (std::size_t y = 0; y < height; ++y)
    for (std::size_t x = 0; x < width; ++x)
      SET_DATA_BYTE(data + y * static_cast<std::size_t>(words), static_cast<l_int32>(x), grey[y * width + x]);
  return pix;
}

// The file's pages, found without decoding their pixels (MagickCore's
// ping: Magick++ 6 has none for a multi-page file).
std::size_t page_count(const std::filesystem::path& file, const std::string& name) {
  MagickCore::ImageInfo* info = MagickCore::AcquireImageInfo();
  std::snprintf(info->filename, MagickPathExtent, "%s", file.c_str());
  MagickCore::ExceptionInfo* exception = MagickCore::AcquireExceptionInfo();
  MagickCore::Image* list = MagickCore::PingImage(info, exception);
  const std::size_t pages = list ? MagickCore::GetImageListLength(list) : 0;
  std::string reason = exception->severity >= MagickCore::ErrorException && exception->reason ? exception->reason : "";
  if (list) MagickCore::DestroyImageList(list);
  MagickCore::DestroyExceptionInfo(exception);
  MagickCore::DestroyImageInfo(info);
  if (pages == 0) refuse(name, "is not an image kuvert can read (TIFF, PNG, JPEG)" + (reason.empty() ? "" : ": " + reason));
  return pages;
}

}  // namespace

void start_image_reading(const std::filesystem::path& policy_folder) {
  static std::once_flag started;
  std::call_once(started, [&] {
    // ImageMagick reads its policy when it starts: the variable comes first.
    ::setenv("MAGICK_CONFIGURE_PATH", policy_folder.c_str(), 1);
    Magick::InitializeMagick(nullptr);
    Magick::ResourceLimits::thread(1);  // its OpenMP gains nothing here (STACK.md)
  });
}

void read_scan_pages(const std::filesystem::path& file, const std::string& name,
                     const std::function<void(ScannedPage&&)>& each) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) refuse(name, "cannot be read: " + error.message());
  if (size == 0) refuse(name, "is empty (0 bytes)");
  const std::size_t pages = page_count(file, name);
  for (std::size_t n = 0; n < pages; ++n) {
    Magick::Image image;
    try {
      image.read(file.string() + "[" + std::to_string(n) + "]");
    } catch (const Magick::Warning&) {
      // A warning (an unknown TIFF tag, say) leaves a usable image.
    } catch (const Magick::Exception& failure) {
      refuse(name, "page " + std::to_string(n + 1) + " cannot be read: " + reason_of(failure));
    }
    if (image.columns() == 0 || image.rows() == 0) refuse(name, "page " + std::to_string(n + 1) + " has no pixels");
    each(ScannedPage{grey_pix(image), dpi_of(image), static_cast<std::uint32_t>(n + 1)});
  }
}

}  // namespace kuvert::scan

#include "stages/scan/scan_input.hpp"

#include <Magick++.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

#include "pipeline/model/error.hpp"
#include "stages/scan/pdf_scan_pages.hpp"

namespace kuvert::scan {
namespace {

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
  return static_cast<int>(image.resolutionUnits() == MagickCore::PixelsPerCentimeterResolution ? x * 2.54 + 0.5
                                                                                               : x + 0.5);
}

// From the pixels: scanners often write grey pages as RGB files.
Tone tone_of(const Magick::Image& image) {
  MagickCore::ExceptionInfo* exception = MagickCore::AcquireExceptionInfo();
  const auto type = MagickCore::IdentifyImageType(image.constImage(), exception);
  MagickCore::DestroyExceptionInfo(exception);
  switch (type) {
    case MagickCore::BilevelType:
      return Tone::bitonal;
    case MagickCore::GrayscaleType:
    case MagickCore::GrayscaleMatteType:
      return Tone::grey;
    default:
      return Tone::colour;
  }
}

// 8-bit grey, or 32-bit RGB for colour.
PixPtr pix_of(Magick::Image& image, Tone tone) {
  const auto width = image.columns(), height = image.rows();
  const std::size_t channels = tone == Tone::colour ? 3 : 1;
  std::vector<unsigned char> samples(width * height * channels);
  image.write(0, 0, width, height, channels == 3 ? "RGB" : "I", Magick::CharPixel, samples.data());
  PixPtr pix(pixCreate(static_cast<l_int32>(width), static_cast<l_int32>(height), channels == 3 ? 32 : 8));
  l_uint32* data = pixGetData(pix.get());
  const l_int32 words = pixGetWpl(pix.get());
  for (std::size_t y = 0; y < height; ++y) {
    l_uint32* line = data + y * static_cast<std::size_t>(words);
    const unsigned char* in = samples.data() + y * width * channels;
    for (std::size_t x = 0; x < width; ++x, in += channels) {
      if (channels == 3)
        composeRGBPixel(in[0], in[1], in[2], line + x);
      else
        SET_DATA_BYTE(line, static_cast<l_int32>(x), in[0]);
    }
  }
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
  if (pages == 0)
    refuse_scan_file(name,
                     "is not an image kuvert can read (TIFF, PNG, JPEG, PDF)" + (reason.empty() ? "" : ": " + reason));
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
    // Leptonica's notes ("rotate by shear") are not for the operator.
    setMsgSeverity(L_SEVERITY_ERROR);
  });
}

namespace {

class ImageScanFile : public ScanFile {
 public:
  ImageScanFile(std::filesystem::path file, std::string name)
      : file_(std::move(file)), name_(std::move(name)), pages_(page_count(file_, name_)) {}

  std::size_t pages() const override { return pages_; }

  ScannedPage page(std::size_t index) override {
    const std::string page_name = "page " + std::to_string(index + 1);
    Magick::Image image;
    std::string warning;
    try {
      image.read(file_.string() + "[" + std::to_string(index) + "]");
    } catch (const Magick::Warning& note) {
      // A warning (an unknown TIFF tag, say) leaves a usable image, unless
      // the data ended early.
      warning = reason_of(note);
    } catch (const Magick::Exception& failure) {
      refuse_scan_file(name_, page_name + " cannot be read: " + reason_of(failure));
    }
    if (image.columns() == 0 || image.rows() == 0)
      refuse_scan_file(
          name_, page_name + " cannot be read: " + (warning.empty() ? "the file is truncated or damaged" : warning));
    const Tone tone = tone_of(image);
    return ScannedPage{pix_of(image, tone), tone, dpi_of(image), static_cast<std::uint32_t>(index + 1)};
  }

 private:
  std::filesystem::path file_;
  std::string name_;
  std::size_t pages_;
};

}  // namespace

void refuse_scan_file(const std::string& name, std::string reason) {
  Where where;
  where.file = name;
  throw_input(where, std::move(reason));
}

std::unique_ptr<ScanFile> open_scan_file(const std::filesystem::path& file, const std::string& name) {
  std::error_code error;
  const auto size = std::filesystem::file_size(file, error);
  if (error) refuse_scan_file(name, "cannot be read: " + error.message());
  if (size == 0) refuse_scan_file(name, "is empty (0 bytes)");
  if (looks_like_pdf(file)) {
    // poppler renders PDF pages; the policy's area limit holds for them too.
    const auto area = MagickCore::GetMagickResourceLimit(MagickCore::AreaResource);
    return open_pdf_scan_file(file, name, static_cast<double>(area));
  }
  return std::make_unique<ImageScanFile>(file, name);
}

}  // namespace kuvert::scan

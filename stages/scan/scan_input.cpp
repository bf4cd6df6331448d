#include "stages/scan/scan_input.hpp"

#include <Magick++.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <list>
#include <mutex>
#include <vector>

#include "pipeline/model/error.hpp"
#include "stages/scan/pdf_scan_pages.hpp"
#include "stages/scan/tiff_directories.hpp"

namespace kuvert::scan {
namespace {

// ImageMagick's words without its internals: the quoted path or coder
// ("`TXT'") and the source position ("@ error/constitute.c/...").
std::string plain_reason(std::string text) {
  for (const char* cut : {" `", " @ "})
    if (const auto at = text.find(cut); at != std::string::npos) text = text.substr(0, at);
  return text;
}

// ImageMagick's message without its program prefix and the file path.
std::string reason_of(const Magick::Exception& error) {
  std::string text = error.what();
  if (const auto colon = text.find(": "); colon != std::string::npos) text = text.substr(colon + 2);
  return plain_reason(text);
}

// What the first bytes say a file is: one of the image formats scanners
// write that the policy lets ImageMagick read, or nothing. Anything else is
// refused before ImageMagick sees it, in the operator's words.
bool looks_like_scan_image(const std::filesystem::path& file) {
  unsigned char head[8] = {};
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (!in) return false;
  const std::size_t read = std::fread(head, 1, sizeof head, in);
  std::fclose(in);
  const auto starts = [&](std::initializer_list<unsigned char> magic) {
    return read >= magic.size() && std::equal(magic.begin(), magic.end(), head);
  };
  return starts({'I', 'I', 42, 0}) || starts({'M', 'M', 0, 42}) ||               // TIFF
         starts({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}) ||              // PNG
         starts({0xFF, 0xD8, 0xFF});                                           // JPEG
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

// The size of each page of the file, found without decoding its pixels
// (MagickCore's ping: Magick++ 6 has none for a multi-page file).
struct PageSize {
  std::size_t columns;
  std::size_t rows;
};

std::vector<PageSize> page_sizes(const std::filesystem::path& file, const std::string& name) {
  MagickCore::ImageInfo* info = MagickCore::AcquireImageInfo();
  std::snprintf(info->filename, MagickPathExtent, "%s", file.c_str());
  MagickCore::ExceptionInfo* exception = MagickCore::AcquireExceptionInfo();
  MagickCore::Image* list = MagickCore::PingImage(info, exception);
  std::vector<PageSize> sizes;
  for (const MagickCore::Image* image = list; image != nullptr; image = MagickCore::GetNextImageInList(image))
    sizes.push_back({image->columns, image->rows});
  std::string reason = exception->severity >= MagickCore::ErrorException && exception->reason ? exception->reason : "";
  // libtiff names the file first; the message names it already.
  if (const std::string path = file.string() + ": "; reason.rfind(path, 0) == 0) reason.erase(0, path.size());
  if (list) MagickCore::DestroyImageList(list);
  MagickCore::DestroyExceptionInfo(exception);
  MagickCore::DestroyImageInfo(info);
  if (sizes.empty())
    refuse_scan_file(name, "cannot be read as an image" + (reason.empty() ? "" : ": " + plain_reason(reason)));
  return sizes;
}

std::string megapixels(double pixels) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", pixels / 1e6);
  return text;
}

}  // namespace

void start_image_reading(const std::filesystem::path& policy_folder) {
  static std::once_flag started;
  std::call_once(started, [&] {
    // ImageMagick reads its policy when it starts: the variable comes first.
    ::setenv("MAGICK_CONFIGURE_PATH", policy_folder.c_str(), 1);
    Magick::InitializeMagick(nullptr);
    Magick::ResourceLimits::thread(1);  // its OpenMP gains nothing here (STACK.md)
    // Leptonica's messages ("rotate by shear", "w and h must be >= 5" once
    // per tiny page) name no file and are not for the operator; what fails
    // is found from its results and reported with the file and page.
    setMsgSeverity(L_SEVERITY_NONE);
  });
}

namespace {

// Pages are decoded a few at a time, in order: ImageMagick finds page N of
// a TIFF by walking its directories from the first, so reading each page
// on its own made a file of many small pages cost quadratic time. A group
// holds at most kGroupPixels, so that large pages are still read one by one.
constexpr double kGroupPixels = 32e6;
constexpr std::size_t kGroupPages = 64;

class ImageScanFile : public ScanFile {
 public:
  ImageScanFile(std::filesystem::path file, std::string name)
      : file_(std::move(file)), name_(std::move(name)), sizes_(page_sizes(file_, name_)) {
    // The policy's area limit, said with the page before anything is
    // decoded (ImageMagick itself says only "No image was loaded.").
    const auto limit = static_cast<double>(MagickCore::GetMagickResourceLimit(MagickCore::AreaResource));
    for (std::size_t i = 0; i < sizes_.size() && i < kMaxScanPages; ++i) {
      const double pixels = static_cast<double>(sizes_[i].columns) * static_cast<double>(sizes_[i].rows);
      if (pixels > limit)
        refuse_scan_file(name_, "page " + std::to_string(i + 1) + " is " + std::to_string(sizes_[i].columns) + " x " +
                                    std::to_string(sizes_[i].rows) + " pixels (" + megapixels(pixels) +
                                    " megapixels); the limit is " + megapixels(limit) + " (layouts/scan/policy.xml)");
    }
  }

  std::size_t pages() const override { return sizes_.size(); }

  ScannedPage page(std::size_t index) override {
    const std::string page_name = "page " + std::to_string(index + 1);
    if (index < group_first_ || index >= group_first_ + group_.size() || taken_[index - group_first_])
      read_group(index);
    Magick::Image& image = group_[index - group_first_];
    if (image.columns() == 0 || image.rows() == 0)
      refuse_scan_file(
          name_, page_name + " cannot be read: " + (warning_.empty() ? "the file is truncated or damaged" : warning_));
    const Tone tone = tone_of(image);
    ScannedPage page{pix_of(image, tone), tone, dpi_of(image), static_cast<std::uint32_t>(index + 1)};
    image = Magick::Image();  // its pixels go; asked for again, it is read again
    taken_[index - group_first_] = true;
    return page;
  }

 private:
  // Decodes the pages from `first` on that make up the next group.
  void read_group(std::size_t first) {
    std::size_t last = first;
    double pixels = 0;
    while (last < sizes_.size() && last - first < kGroupPages) {
      pixels += static_cast<double>(sizes_[last].columns) * static_cast<double>(sizes_[last].rows);
      if (last > first && pixels > kGroupPixels) break;
      ++last;
    }
    group_.clear();
    group_first_ = first;
    warning_.clear();
    std::list<Magick::Image> images;
    try {
      Magick::readImages(&images, file_.string() + "[" + std::to_string(first) + "-" + std::to_string(last - 1) + "]");
    } catch (const Magick::Warning& note) {
      // A warning (an unknown TIFF tag, say) leaves usable images, unless
      // the data ended early.
      warning_ = reason_of(note);
    } catch (const Magick::Exception& failure) {
      refuse_scan_file(name_, "page " + std::to_string(first + 1) + " cannot be read: " + reason_of(failure));
    }
    group_.assign(std::make_move_iterator(images.begin()), std::make_move_iterator(images.end()));
    group_.resize(last - first);  // pages the file did not give stay empty: damaged
    taken_.assign(group_.size(), false);
  }

  std::filesystem::path file_;
  std::string name_;
  std::vector<PageSize> sizes_;
  std::vector<Magick::Image> group_;
  std::vector<bool> taken_;  // pages of the group handed out
  std::size_t group_first_ = 0;
  std::string warning_;
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
  std::unique_ptr<ScanFile> opened;
  if (looks_like_pdf(file)) {
    // poppler renders PDF pages; the policy's area limit holds for them too.
    const auto area = MagickCore::GetMagickResourceLimit(MagickCore::AreaResource);
    opened = open_pdf_scan_file(file, name, static_cast<double>(area));
  } else {
    if (!looks_like_scan_image(file))
      refuse_scan_file(name, "is not a scan: kuvert reads TIFF, PNG, JPEG and PDF files, and this is none of them");
    // ImageMagick reads such a file to the loop and says nothing; pages
    // after it may be missing.
    if (tiff_directories_loop(file))
      refuse_scan_file(name, "is damaged: its pages (TIFF directories) loop back on themselves");
    opened = std::make_unique<ImageScanFile>(file, name);
  }
  if (opened->pages() > kMaxScanPages)
    refuse_scan_file(name, "has " + std::to_string(opened->pages()) + " pages; at most " +
                               std::to_string(kMaxScanPages) + " are read from one file (split the batch)");
  return opened;
}

}  // namespace kuvert::scan

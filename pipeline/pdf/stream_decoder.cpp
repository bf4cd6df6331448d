#include "pipeline/pdf/stream_decoder.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfError.h>
#include <podofo/base/PdfFilter.h>
#include <podofo/base/PdfObject.h>
#include <podofo/base/PdfOutputStream.h>

#include "pipeline/pdf/pdf_input.hpp"
#include "pipeline/pdf/pdf_limits.hpp"

namespace kuvert::pdf {
namespace {

struct FilterStep {
  PoDoFo::PdfName name;
  const PoDoFo::PdfDictionary* parameters = nullptr;
};

std::vector<FilterStep> filter_steps(const PoDoFo::PdfDictionary& dict) {
  std::vector<FilterStep> steps;
  const PoDoFo::PdfObject* filter = dict.GetKey("Filter");
  if (filter == nullptr || filter->IsNull()) return steps;
  if (filter->IsName()) {
    steps.push_back({filter->GetName()});
  } else if (filter->IsArray()) {
    for (const auto& name : filter->GetArray()) {
      if (!name.IsName()) PODOFO_RAISE_ERROR(PoDoFo::ePdfError_UnsupportedFilter);
      steps.push_back({name.GetName()});
    }
  } else {
    PODOFO_RAISE_ERROR(PoDoFo::ePdfError_UnsupportedFilter);
  }

  const PoDoFo::PdfObject* parameters = dict.GetKey("DecodeParms");
  if (parameters != nullptr && parameters->IsDictionary() && !steps.empty()) {
    steps.front().parameters = &parameters->GetDictionary();
  } else if (parameters != nullptr && parameters->IsArray()) {
    const auto& list = parameters->GetArray();
    for (std::size_t i = 0; i < list.size() && i < steps.size(); ++i) {
      if (list[i].IsDictionary()) steps[i].parameters = &list[i].GetDictionary();
    }
  }
  return steps;
}

// Collects a filter's output up to a limit. Past it, output is dropped and
// `overflowed` set rather than thrown, because PoDoFo's filters do not
// expect their output stream to throw.
class LimitedOutput : public PoDoFo::PdfOutputStream {
 public:
  explicit LimitedOutput(std::size_t limit) : limit_(limit) {}

  PoDoFo::pdf_long Write(const char* bytes, PoDoFo::pdf_long length) override {
    const auto count = static_cast<std::size_t>(length);
    if (overflowed_ || count > limit_ - data_.size()) {
      overflowed_ = true;
    } else {
      data_.append(bytes, count);
    }
    return length;
  }
  void Close() override {}

  bool overflowed() const { return overflowed_; }
  std::string take() { return std::move(data_); }

 private:
  std::size_t limit_;
  std::string data_;
  bool overflowed_ = false;
};

}  // namespace

std::string decode_stream(const PoDoFo::PdfDictionary& dict, std::string data, const PdfInput& input,
                          std::uint32_t number) {
  constexpr std::size_t kBlock = 4096;  // how far a bomb gets before it is stopped
  const std::size_t limit =
      std::min(kMaxDecodedStream, std::max(kRatioCheckedFrom, data.size() * kMaxDecodeRatio));
  for (const auto& step : filter_steps(dict)) {
    const auto type = PoDoFo::PdfFilterFactory::FilterNameToType(step.name);
    std::unique_ptr<PoDoFo::PdfFilter> filter(PoDoFo::PdfFilterFactory::Create(type));
    if (!filter || !filter->CanDecode()) PODOFO_RAISE_ERROR(PoDoFo::ePdfError_UnsupportedFilter);

    LimitedOutput output(limit);
    filter->BeginDecode(&output, step.parameters);
    for (std::size_t at = 0; at < data.size() && !output.overflowed(); at += kBlock) {
      filter->DecodeBlock(data.data() + at, static_cast<PoDoFo::pdf_long>(std::min(kBlock, data.size() - at)));
    }
    try {
      filter->EndDecode();
    } catch (const PoDoFo::PdfError&) {
      if (!output.overflowed()) throw;  // a cut-off bomb may not end cleanly
    }
    if (output.overflowed()) {
      input.fail("has a stream (object " + std::to_string(number) + ") that decodes to more than " +
                 std::to_string(limit) + " bytes (the limit: " + std::to_string(kMaxDecodeRatio) +
                 " times its stored size, at least 1 MiB, at most 64 MiB)");
    }
    data = output.take();
  }
  return data;
}

}  // namespace kuvert::pdf

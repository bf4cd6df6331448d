#include "stages/ingest/stream_decoder.hpp"

#include <memory>
#include <vector>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfError.h>
#include <podofo/base/PdfFilter.h>
#include <podofo/base/PdfMemoryManagement.h>
#include <podofo/base/PdfObject.h>

namespace kuvert::ingest {
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

}  // namespace

std::string decode_stream(const PoDoFo::PdfDictionary& dict, std::string data) {
  for (const auto& step : filter_steps(dict)) {
    const auto type = PoDoFo::PdfFilterFactory::FilterNameToType(step.name);
    std::unique_ptr<PoDoFo::PdfFilter> filter(PoDoFo::PdfFilterFactory::Create(type));
    if (!filter || !filter->CanDecode()) PODOFO_RAISE_ERROR(PoDoFo::ePdfError_UnsupportedFilter);

    char* decoded = nullptr;
    PoDoFo::pdf_long decoded_length = 0;
    filter->Decode(data.data(), static_cast<PoDoFo::pdf_long>(data.size()), &decoded,
                   &decoded_length, step.parameters);
    data.assign(decoded, static_cast<std::size_t>(decoded_length));
    PoDoFo::podofo_free(decoded);
  }
  return data;
}

}  // namespace kuvert::ingest

// What is left out of a copied page: the keys that tie it to its source
// document (/Parent, /StructParents, /Metadata...) and the interactive ones
// (/Annots, /AA, /B), since a print file is printed, not clicked. The page
// boxes become one: the copy's /MediaBox is the source's visible box (its
// CropBox clipped to its MediaBox), the box the A4 check measured, so that
// control marks drawn relative to it sit where the inserter reads them even
// when a page carries bleed. References
// from the copied objects to pages, /Pages nodes or the catalog become null:
// following them would copy the rest of the source document. Objects are
// emitted in the order they are first reached, so equal inputs give equal
// output.
#include "pipeline/pdf/page_copier.hpp"

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfDictionary.h>
#include <podofo/base/PdfObject.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "pipeline/pdf/page_geometry.hpp"
#include "pipeline/pdf/page_list.hpp"
#include "pipeline/pdf/pdf_object_reader.hpp"
#include "pipeline/pdf/pdf_value_writer.hpp"

namespace kuvert::pdf {
namespace {

constexpr std::array<std::string_view, 13> kDroppedKeys{
    "Type",  "Parent",    "Contents", "Annots",   "AA",      "B",     "StructParents",
    "Thumb", "PieceInfo", "Metadata", "BleedBox", "TrimBox", "ArtBox"};

bool is_dropped(const PoDoFo::PdfName& key) {
  return std::find(kDroppedKeys.begin(), kDroppedKeys.end(), key.GetName()) != kDroppedKeys.end();
}

bool is_inherited(const PoDoFo::PdfName& key) {
  return std::find(kInheritedKeys.begin(), kInheritedKeys.end(), key.GetName()) != kInheritedKeys.end();
}

class PageCopier {
 public:
  PageCopier(PdfObjectReader& reader, const PageList& pages, std::uint32_t file_index, ObjectNumbering& numbering)
      : reader_(reader), pages_(pages), file_(file_index), numbering_(numbering) {
    write_reference_ = [this](const PoDoFo::PdfReference& reference, std::string& out) {
      const std::uint32_t source = reference.ObjectNumber();
      if (!reader_.exists(reference) || pages_.is_tree_node(source) || source == reader_.root().ObjectNumber()) {
        out += "null";
        return;
      }
      const auto [number, first_time] = numbering_.map(file_, source);
      if (first_time) pending_.push_back({source, number});
      out += std::to_string(number);
      out += " 0 R";
    };
  }

  CopiedPage copy(std::uint32_t page) {
    const std::uint32_t source = pages_.object(page);
    const IndirectObject loaded = reader_.load(source);
    const PoDoFo::PdfVariant& value = loaded.value;
    if (!value.IsDictionary()) reader_.fail_object(source);
    const PoDoFo::PdfDictionary& dict = value.GetDictionary();
    const InheritedAttributes& inherited = pages_.inherited(page);

    CopiedPage copied;
    const PageGeometry visible = page_geometry(dict, inherited, reader_, PageBox::visible);
    copied.llx = visible.llx;
    copied.lly = visible.lly;
    copied.urx = visible.urx;
    copied.ury = visible.ury;

    write_entries(dict, inherited, visible, copied.entries);
    if (const PoDoFo::PdfObject* contents = dict.GetKey("Contents")) add_contents(*contents, copied);
    copy_pending(copied.objects);
    return copied;
  }

  CopiedForm copy_form(std::uint32_t page) {
    const std::uint32_t source = pages_.object(page);
    const IndirectObject loaded = reader_.load(source);
    if (!loaded.value.IsDictionary()) reader_.fail_object(source);
    const PoDoFo::PdfDictionary& dict = loaded.value.GetDictionary();
    const PageGeometry box = page_geometry(dict, pages_.inherited(page), reader_, PageBox::visible);
    CopiedForm form{numbering_.allocate(), {}, box.llx, box.lly, box.urx, box.ury};
    std::string content;
    if (const PoDoFo::PdfObject* contents = dict.GetKey("Contents")) decoded_contents(*contents, content);
    const PoDoFo::PdfObject* own = dict.GetKey(kInheritedKeys[kResources]);
    const PoDoFo::PdfVariant& resources = own ? *own : pages_.inherited(page)[kResources];
    std::string body = "<< /Type /XObject /Subtype /Form /BBox [";
    for (const double v : {box.llx, box.lly, box.urx, box.ury}) {
      body += pdf_number(v);
      body += ' ';
    }
    body += "] /Resources ";
    if (resources.IsNull())
      body += "<< >>";
    else
      write_value(resources, body, write_reference_);
    body += " /Length " + std::to_string(content.size()) + " >>\nstream\n";
    body += content;
    body += "\nendstream";
    form.objects.push_back({form.form, std::move(body)});
    copy_pending(form.objects);
    return form;
  }

 private:
  struct Pending {
    std::uint32_t source;
    std::uint32_t number;
  };

  void write_entries(const PoDoFo::PdfDictionary& dict, const InheritedAttributes& inherited,
                     const PageGeometry& visible, std::string& out) {
    auto entry = [&](const PoDoFo::PdfName& key, const PoDoFo::PdfVariant& value) {
      if (!out.empty()) out += ' ';
      write_name(key, out);
      out += ' ';
      write_value(value, out, write_reference_);
    };
    for (const auto& [key, value] : dict.GetKeys()) {
      if (!is_dropped(key) && !is_inherited(key)) entry(key, *value);
    }
    // Inheritable attributes are written explicitly: the copy has no parent
    // to inherit from. Resources and MediaBox are required; the MediaBox is
    // the visible box and replaces the CropBox.
    for (std::size_t i = 0; i < kInheritedKeys.size(); ++i) {
      if (i == kMediaBox) {
        PoDoFo::PdfArray array;
        for (const double v : {visible.llx, visible.lly, visible.urx, visible.ury})
          array.push_back(PoDoFo::PdfVariant(v));
        entry(kInheritedKeys[i], array);
        continue;
      }
      if (i == kCropBox) continue;
      const PoDoFo::PdfObject* own = dict.GetKey(kInheritedKeys[i]);
      const PoDoFo::PdfVariant& value = own ? *own : inherited[i];
      if (!value.IsNull()) {
        entry(kInheritedKeys[i], value);
      } else if (i == kResources) {
        entry(kInheritedKeys[i], PoDoFo::PdfDictionary());
      }
    }
  }

  // Calls `each(source, object)` for every content stream of /Contents: a
  // stream reference, an array of them, or a reference to such an array.
  template <class Each>
  void for_each_content_stream(const PoDoFo::PdfVariant& contents, bool may_be_array, Each&& each) {
    if (contents.IsArray()) {
      if (may_be_array)
        for (const auto& item : contents.GetArray()) for_each_content_stream(item, false, each);
      return;
    }
    if (!contents.IsReference() || !reader_.exists(contents.GetReference())) return;
    const std::uint32_t source = contents.GetReference().ObjectNumber();
    const IndirectObject object = reader_.load(source);
    if (object.value.IsArray()) return for_each_content_stream(object.value, may_be_array, each);
    if (object.stream_offset) each(source, object);
  }

  void add_contents(const PoDoFo::PdfVariant& contents, CopiedPage& copied) {
    for_each_content_stream(contents, true, [&](std::uint32_t source, const IndirectObject& object) {
      const auto [number, first_time] = numbering_.map(file_, source);
      copied.contents.push_back(number);
      if (first_time) copied.objects.push_back({number, serialise(source, object)});
    });
  }

  // The decoded bytes of /Contents, joined by line breaks.
  void decoded_contents(const PoDoFo::PdfVariant& contents, std::string& out) {
    for_each_content_stream(contents, true, [&](std::uint32_t source, const IndirectObject& object) {
      if (!object.value.IsDictionary()) return;
      const PoDoFo::PdfDictionary& dict = object.value.GetDictionary();
      out += reader_.decoded_stream(source, dict, *object.stream_offset);
      out += '\n';
    });
  }

  void copy_pending(std::vector<PdfObjectBytes>& objects) {
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      const Pending next = pending_[i];
      const IndirectObject object = reader_.load(next.source);
      objects.push_back({next.number, serialise(next.source, object)});
    }
    pending_.clear();
  }

  std::string serialise(std::uint32_t source, const IndirectObject& object) {
    std::string body;
    if (!object.stream_offset) {
      write_value(object.value, body, write_reference_);
      return body;
    }
    // A stream: its dictionary with the real /Length, then the raw bytes.
    const PoDoFo::PdfDictionary& dict = object.value.GetDictionary();
    const std::string data = reader_.raw_stream(source, dict, *object.stream_offset);
    body += "<<";
    for (const auto& [key, value] : dict.GetKeys()) {
      if (key == PoDoFo::PdfName("Length")) continue;
      write_name(key, body);
      body += ' ';
      write_value(*value, body, write_reference_);
      body += ' ';
    }
    body += "/Length " + std::to_string(data.size()) + ">>\nstream\n";
    body += data;
    body += "\nendstream";
    return body;
  }

  PdfObjectReader& reader_;
  const PageList& pages_;
  const std::uint32_t file_;
  ObjectNumbering& numbering_;
  std::vector<Pending> pending_;
  ReferenceWriter write_reference_;
};

}  // namespace

CopiedPage copy_page(PdfObjectReader& reader, const PageList& pages, std::uint32_t page, std::uint32_t file_index,
                     ObjectNumbering& numbering) {
  return PageCopier(reader, pages, file_index, numbering).copy(page);
}

CopiedForm copy_page_as_form(PdfObjectReader& reader, const PageList& pages, std::uint32_t page,
                             std::uint32_t file_index, ObjectNumbering& numbering) {
  return PageCopier(reader, pages, file_index, numbering).copy_form(page);
}

}  // namespace kuvert::pdf

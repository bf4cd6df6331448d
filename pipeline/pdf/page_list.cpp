// The walk is iterative (an explicit stack) so that a deep tree cannot
// exhaust the call stack, and marks every /Pages node it enters: meeting one
// again means a cycle (or a shared subtree), which is reported as damage
// rather than silently dropping or repeating pages of a print file.
#include "pipeline/pdf/page_list.hpp"

#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfDictionary.h>
#include <podofo/base/PdfObject.h>

#include "pipeline/pdf/pdf_object_reader.hpp"

namespace kuvert::pdf {
namespace {

const char* const kDamagedTree = "has a damaged page tree";

bool is_pages_node(const PoDoFo::PdfDictionary& node) {
  const PoDoFo::PdfObject* type = node.GetKey("Type");
  if (type != nullptr && type->IsName()) return type->GetName() == PoDoFo::PdfName("Pages");
  return node.HasKey("Kids");
}

// Interns attribute sets so that equal ones share one entry.
class AttributeTable {
 public:
  explicit AttributeTable(std::vector<InheritedAttributes>& table) : table_(table) {
    intern(InheritedAttributes{});
  }
  std::uint32_t intern(const InheritedAttributes& attributes) {
    std::string key;
    for (const auto& value : attributes) {
      std::string text;
      value.ToString(text);
      key += text;
      key += '\0';
    }
    auto [it, inserted] = index_.try_emplace(std::move(key), static_cast<std::uint32_t>(table_.size()));
    if (inserted) table_.push_back(attributes);
    return it->second;
  }

 private:
  std::vector<InheritedAttributes>& table_;
  std::unordered_map<std::string, std::uint32_t> index_;
};

// Interns page geometries; a print file's pages nearly all share one.
class GeometryTable {
 public:
  explicit GeometryTable(std::vector<PageGeometry>& table) : table_(table) {}
  std::uint32_t intern(const PageGeometry& g) {
    auto [it, inserted] = index_.try_emplace(std::make_tuple(g.llx, g.lly, g.urx, g.ury, g.rotate),
                                             static_cast<std::uint32_t>(table_.size()));
    if (inserted) table_.push_back(g);
    return it->second;
  }

 private:
  std::vector<PageGeometry>& table_;
  std::map<std::tuple<double, double, double, double, int>, std::uint32_t> index_;
};

}  // namespace

PageList PageList::read(PdfObjectReader& reader) {
  PageList list;
  list.tree_nodes_.resize(reader.object_count());
  AttributeTable table(list.attributes_);
  GeometryTable geometries(list.geometries_);

  const PoDoFo::PdfVariant catalog = reader.resolve(PoDoFo::PdfVariant(reader.root()));
  const PoDoFo::PdfObject* root = catalog.IsDictionary() ? catalog.GetDictionary().GetKey("Pages") : nullptr;
  if (root == nullptr || !root->IsReference() || !reader.exists(root->GetReference())) {
    reader.fail("has no pages");
  }
  const bool optional_content = catalog.GetDictionary().HasKey("OCProperties");

  // The /Pages nodes being walked, each with the kids still to visit. A
  // node's kids are only references, read without building the /Kids array:
  // in a flat tree it names every page.
  struct Frame {
    std::vector<KidReference> kids;
    std::size_t next = 0;
    std::uint32_t attributes = 0;
  };
  std::vector<Frame> stack;
  std::vector<bool> entered(reader.object_count());
  const auto visit = [&](KidReference reference, std::uint32_t attributes) {
    if (!reader.exists(reference)) reader.fail(kDamagedTree);
    const std::uint32_t object = reference.number;
    std::vector<KidReference> kids;
    const auto loaded = reader.load(object, &kids);
    const PoDoFo::PdfVariant& value = loaded.value;
    if (!value.IsDictionary()) reader.fail(kDamagedTree);
    const PoDoFo::PdfDictionary& dict = value.GetDictionary();
    list.tree_nodes_[object] = true;
    if (!is_pages_node(dict)) {
      const auto geometry =
          geometries.intern(page_geometry(dict, list.attributes_[attributes], reader, PageBox::visible));
      const PageObstacle obstacle = page_obstacle(dict, list.attributes_[attributes], optional_content, reader);
      if (obstacle != PageObstacle::none) list.obstacles_.emplace_back(list.size(), obstacle);
      list.add_page(object, attributes, geometry);
      return;
    }
    if (entered[object]) reader.fail(kDamagedTree);
    entered[object] = true;

    InheritedAttributes merged = list.attributes_[attributes];
    bool own = false;
    for (std::size_t i = 0; i < kInheritedKeys.size(); ++i) {
      if (const PoDoFo::PdfObject* entry = dict.GetKey(kInheritedKeys[i])) {
        merged[i] = *entry;
        own = true;
      }
    }
    if (own) attributes = table.intern(merged);

    // /Kids may also be a reference to an array (rare; then it is parsed).
    const PoDoFo::PdfObject* kids_entry = dict.GetKey("Kids");
    if (kids_entry != nullptr && kids_entry->IsReference()) {
      const PoDoFo::PdfVariant resolved = reader.resolve(*kids_entry);
      if (!resolved.IsArray()) reader.fail(kDamagedTree);
      for (const auto& kid : resolved.GetArray())
        kids.push_back(kid.IsReference()
                           ? KidReference{kid.GetReference().ObjectNumber(), kid.GetReference().GenerationNumber()}
                           : KidReference{});
    } else if (kids_entry == nullptr || !kids_entry->IsArray()) {
      reader.fail(kDamagedTree);
    }
    stack.push_back({std::move(kids), 0, attributes});
  };

  visit({root->GetReference().ObjectNumber(), root->GetReference().GenerationNumber()}, 0);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    if (frame.next == frame.kids.size()) {
      stack.pop_back();
      continue;
    }
    const KidReference kid = frame.kids[frame.next++];
    visit(kid, frame.attributes);  // may grow the stack: `frame` is not used after this
  }
  if (list.objects_.empty()) reader.fail("has no pages");
  list.objects_.shrink_to_fit();
  return list;
}

void PageList::add_page(std::uint32_t object, std::uint32_t attributes, std::uint32_t geometry) {
  if (stretches_.empty() || stretches_.back().attributes != attributes || stretches_.back().geometry != geometry)
    stretches_.push_back({size(), attributes, geometry});
  objects_.push_back(object);
}

}  // namespace kuvert::pdf

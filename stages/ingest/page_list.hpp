#pragma once
// The pages of a PDF file in order, found by walking /Root /Pages /Kids once
// when the file is opened. Per page only its object number and an index into
// a table of inherited attributes are kept (8 bytes a page); pages under the
// same /Pages node share one table entry.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "stages/ingest/inherited_attributes.hpp"
#include "stages/ingest/page_geometry.hpp"

namespace kuvert::ingest {

class PdfObjectReader;


class PageList {
 public:
  // Throws kuvert::Error(input): "has no pages", "has a damaged page tree"
  // (a cycle, a node reached twice, a kid that is not a dictionary).
  static PageList read(PdfObjectReader& reader);

  std::uint32_t size() const { return static_cast<std::uint32_t>(pages_.size()); }
  std::uint32_t object(std::uint32_t page) const { return pages_.at(page).object; }
  const InheritedAttributes& inherited(std::uint32_t page) const {
    return attributes_[pages_.at(page).attributes];
  }
  // The visible box and rotation, read during the walk (the page dictionary
  // is parsed then anyway), so checking every page costs nothing more.
  const PageGeometry& geometry(std::uint32_t page) const { return geometries_[pages_.at(page).geometry]; }
  // Whether the page has annotations that would print (page_annotations.hpp).
  bool has_printing_annotations(std::uint32_t page) const {
    return std::binary_search(printing_annotations_.begin(), printing_annotations_.end(), page);
  }
  // Whether an object is a page or a /Pages node. References to these from
  // a page's resources are not followed, or copying one page could pull in
  // the whole document.
  bool is_tree_node(std::uint32_t object) const {
    return object < tree_nodes_.size() && tree_nodes_[object];
  }

 private:
  struct Page {
    std::uint32_t object;
    std::uint32_t attributes;
    std::uint32_t geometry;
  };
  std::vector<Page> pages_;
  std::vector<InheritedAttributes> attributes_;
  std::vector<PageGeometry> geometries_;  // distinct values; most files have one
  std::vector<std::uint32_t> printing_annotations_;  // pages, ascending; rare
  std::vector<bool> tree_nodes_;
};

}  // namespace kuvert::ingest

#pragma once
// The pages of a PDF file in order, found by walking /Root /Pages /Kids once
// when the file is opened. Per page only its object number is kept (4 bytes
// a page); its inherited attributes and geometry are kept once for each
// stretch of pages that share them, which in a print file is nearly always
// one stretch.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "pipeline/pdf/inherited_attributes.hpp"
#include "pipeline/pdf/page_geometry.hpp"
#include "pipeline/pdf/page_obstacle.hpp"

namespace kuvert::pdf {

class PdfObjectReader;


class PageList {
 public:
  // Throws kuvert::Error(input): "has no pages", "has a damaged page tree"
  // (a cycle, a node reached twice, a kid that is not a dictionary).
  static PageList read(PdfObjectReader& reader);

  std::uint32_t size() const { return static_cast<std::uint32_t>(objects_.size()); }
  std::uint32_t object(std::uint32_t page) const { return objects_.at(page); }
  const InheritedAttributes& inherited(std::uint32_t page) const { return attributes_[stretch(page).attributes]; }
  // The visible box and rotation, read during the walk (the page dictionary
  // is parsed then anyway), so checking every page costs nothing more.
  const PageGeometry& geometry(std::uint32_t page) const { return geometries_[stretch(page).geometry]; }
  // What keeps the page from being imposed as it prints (page_obstacle.hpp).
  PageObstacle obstacle(std::uint32_t page) const {
    const auto found = std::lower_bound(obstacles_.begin(), obstacles_.end(), page,
                                        [](const auto& entry, std::uint32_t p) { return entry.first < p; });
    return found != obstacles_.end() && found->first == page ? found->second : PageObstacle::none;
  }
  // Whether an object is a page or a /Pages node. References to these from
  // a page's resources are not followed, or copying one page could pull in
  // the whole document.
  bool is_tree_node(std::uint32_t object) const {
    return object < tree_nodes_.size() && tree_nodes_[object];
  }

 private:
  // Pages from `first` up to the next stretch share attributes and geometry.
  struct Stretch {
    std::uint32_t first;
    std::uint32_t attributes;
    std::uint32_t geometry;
  };
  void add_page(std::uint32_t object, std::uint32_t attributes, std::uint32_t geometry);
  const Stretch& stretch(std::uint32_t page) const {
    (void)objects_.at(page);  // range check
    return *std::prev(std::upper_bound(stretches_.begin(), stretches_.end(), page,
                                       [](std::uint32_t p, const Stretch& s) { return p < s.first; }));
  }

  std::vector<std::uint32_t> objects_;  // by page
  std::vector<Stretch> stretches_;
  std::vector<InheritedAttributes> attributes_;
  std::vector<PageGeometry> geometries_;  // distinct values; most files have one
  std::vector<std::pair<std::uint32_t, PageObstacle>> obstacles_;  // by page, ascending; rare
  std::vector<bool> tree_nodes_;
};

}  // namespace kuvert::pdf

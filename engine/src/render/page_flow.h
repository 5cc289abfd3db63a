// Pagination: places measured blocks top to bottom and starts a new page when a block does not fit
// in what is left of the current one. Pure arithmetic on heights, so it is testable without cairo.
#pragma once

#include <limits>
#include <vector>

namespace creditlens::render {

struct FlowBlock {
  double height = 0;        // a block of height 0 takes no space and no spacing
  double space_before = 0;  // dropped at the top of a page
  double space_after = 0;
  bool keep_with_next = false;  // a heading: never left alone at the bottom of a page
};

struct FlowPage {
  double first_page_top = 0;  // below the document header on page 1
  double page_top = 0;
  // The lowest y a block may reach; infinity for one endless page (PNG and SVG).
  double page_bottom = std::numeric_limits<double>::infinity();
};

struct FlowPlacement {
  int page = 0;  // 0-based
  double y = 0;  // top of the block
};

struct Flow {
  std::vector<FlowPlacement> placements;  // one per block, same order
  int page_count = 1;
  double last_page_bottom = 0;  // the lowest y any block reaches on the last page
};

// A block taller than a whole page is put at the top of a page of its own and allowed to overflow.
Flow FlowBlocks(const std::vector<FlowBlock>& blocks, const FlowPage& page);

}  // namespace creditlens::render

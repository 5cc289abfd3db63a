#include "render/page_flow.h"

#include <algorithm>

namespace creditlens::render {
namespace {

// The bottom of block `index` placed with its top at `top`, together with the blocks it must stay
// with (a run of keep-with-next headings and the block after them).
double KeptTogetherBottom(const std::vector<FlowBlock>& blocks, std::size_t index, double top) {
  double bottom = top + blocks[index].height;
  std::size_t i = index;
  while (blocks[i].keep_with_next && i + 1 < blocks.size()) {
    const FlowBlock& next = blocks[i + 1];
    if (next.height > 0) bottom += blocks[i].space_after + next.space_before + next.height;
    ++i;
  }
  return bottom;
}

}  // namespace

Flow FlowBlocks(const std::vector<FlowBlock>& blocks, const FlowPage& page) {
  Flow flow;
  flow.placements.reserve(blocks.size());
  int current_page = 0;
  double cursor = page.first_page_top;
  bool at_page_top = true;
  double previous_space_after = 0;
  double lowest = page.first_page_top;

  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const FlowBlock& block = blocks[i];
    if (block.height <= 0) {
      flow.placements.push_back({current_page, cursor});
      continue;
    }
    double top = at_page_top ? cursor : cursor + previous_space_after + block.space_before;
    if (!at_page_top) {
      const bool block_fits = top + block.height <= page.page_bottom;
      const double group_bottom = KeptTogetherBottom(blocks, i, top);
      const bool group_fits_fresh_page = group_bottom - top + page.page_top <= page.page_bottom;
      if (!block_fits || (group_bottom > page.page_bottom && group_fits_fresh_page)) {
        ++current_page;
        top = page.page_top;
        lowest = page.page_top;
      }
    }
    flow.placements.push_back({current_page, top});
    cursor = top + block.height;
    lowest = std::max(lowest, cursor);
    previous_space_after = block.space_after;
    at_page_top = false;
  }
  flow.page_count = current_page + 1;
  flow.last_page_bottom = lowest;
  return flow;
}

}  // namespace creditlens::render

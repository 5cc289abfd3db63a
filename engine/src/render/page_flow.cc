#include "render/page_flow.h"

#include <algorithm>
#include <limits>

namespace creditlens::render {
namespace {

bool IsSplittable(const FlowBlock& block) { return block.split && !block.split->units.empty(); }

// The fewest units a part at either end of a split block holds: at least one, at most all.
std::size_t MinUnits(const FlowSplit& split) {
  return std::clamp<std::size_t>(split.min_units, 1, split.units.size());
}

// The height of the units [first, end) with the head above them and, when they end the block, the tail.
double PartHeight(const FlowSplit& split, std::size_t first, std::size_t end) {
  double height = split.head;
  for (std::size_t i = first; i < end; ++i) height += split.units[i];
  if (end == split.units.size()) height += split.tail;
  return height;
}

// The height of the smallest piece a block can start with: for a splittable block its head and its
// first units, for any other block all of it.
double LeadingHeight(const FlowBlock& block) {
  if (!IsSplittable(block)) return block.height;
  return PartHeight(*block.split, 0, MinUnits(*block.split));
}

// The bottom of the start of block `index` placed with its top at `top`, together with the blocks it
// must stay with (a run of keep-with-next headings and the start of the block after them).
double KeptTogetherBottom(const std::vector<FlowBlock>& blocks, std::size_t index, double top) {
  double bottom = top + LeadingHeight(blocks[index]);
  std::size_t i = index;
  while (blocks[i].keep_with_next && i + 1 < blocks.size()) {
    const FlowBlock& next = blocks[i + 1];
    if (next.height > 0) bottom += blocks[i].space_after + next.space_before + LeadingHeight(next);
    ++i;
  }
  return bottom;
}

// Where the part of a split block that starts at unit `first` with its top at `top` ends: as many
// units as fit above `bottom` (at least one, so a unit taller than a page overflows rather than
// looping), then moved back if that would leave too few units for the last part.
std::size_t PartEnd(const FlowSplit& split, std::size_t first, double top, double bottom) {
  const std::size_t count = split.units.size();
  std::size_t end = first;
  double y = top + split.head;
  while (end < count) {
    const double need = split.units[end] + (end + 1 == count ? split.tail : 0);
    if (y + need > bottom) break;
    y += split.units[end];
    ++end;
  }
  const std::size_t min_units = MinUnits(split);
  const std::size_t lowest_end = std::min(count, first + (first == 0 ? min_units : 1));
  end = std::max(end, first + 1);
  if (end < count && count - end < min_units) end = std::min(end, std::max(lowest_end, count - min_units));
  return end;
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
    if (block.new_page && !at_page_top && page.page_bottom < std::numeric_limits<double>::infinity()) {
      ++current_page;
      cursor = page.page_top;
      lowest = page.page_top;
      at_page_top = true;
    }
    if (block.height <= 0) {
      flow.placements.push_back({i, current_page, cursor});
      continue;
    }
    double top = at_page_top ? cursor : cursor + previous_space_after + block.space_before;
    if (!at_page_top) {
      const bool start_fits = top + LeadingHeight(block) <= page.page_bottom;
      const double group_bottom = KeptTogetherBottom(blocks, i, top);
      const bool group_fits_fresh_page = group_bottom - top + page.page_top <= page.page_bottom;
      if (!start_fits || (group_bottom > page.page_bottom && group_fits_fresh_page)) {
        ++current_page;
        top = page.page_top;
        lowest = page.page_top;
      }
    }
    if (!IsSplittable(block)) {
      flow.placements.push_back({i, current_page, top});
      cursor = top + block.height;
    } else {
      const FlowSplit& split = *block.split;
      std::size_t first = 0;
      while (true) {
        const std::size_t end = PartEnd(split, first, top, page.page_bottom);
        flow.placements.push_back({i, current_page, top, first, end});
        cursor = top + PartHeight(split, first, end);
        if (end == split.units.size()) break;
        ++current_page;
        top = page.page_top;
        lowest = page.page_top;
        first = end;
      }
    }
    lowest = std::max(lowest, cursor);
    previous_space_after = block.space_after;
    at_page_top = false;
  }
  flow.page_count = current_page + 1;
  flow.last_page_bottom = lowest;
  return flow;
}

}  // namespace creditlens::render

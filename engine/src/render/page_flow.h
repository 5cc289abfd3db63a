// Pagination: places measured blocks top to bottom and starts a new page when a block does not fit
// in what is left of the current one. Most blocks are indivisible; a splittable block (a table) is
// cut between its units (rows) and repeats its head on every page. Pure arithmetic on heights, so it
// is testable without cairo.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

namespace creditlens::render {

// How a block may be split across pages: a head drawn at the top of every part (a table's title and
// header row), then units that are never split (rows), then a tail that stays with the last unit (a
// totals row). A split with no units is indivisible.
struct FlowSplit {
  double head = 0;
  std::vector<double> units;
  double tail = 0;
  // Fewest units the first and the last part of a split block hold (orphan and widow control), as
  // far as the block has that many units.
  std::size_t min_units = 1;
};

struct FlowBlock {
  double height = 0;        // a block of height 0 takes no space and no spacing; unsplit height if split
  double space_before = 0;  // dropped at the top of a page
  double space_after = 0;
  bool keep_with_next = false;                    // a heading: never left alone at the bottom of a page
  std::optional<FlowSplit> split = std::nullopt;  // set for a block that may continue on the next page
  bool new_page = false;  // starts a new page unless at the top of one already; not on an endless page
};

struct FlowPage {
  double first_page_top = 0;  // below the document header on page 1
  double page_top = 0;
  // The lowest y a block may reach; infinity for one endless page (PNG and SVG).
  double page_bottom = std::numeric_limits<double>::infinity();
};

// One piece of a block on one page: the whole block, or one part of a split one.
struct FlowPlacement {
  std::size_t block = 0;  // index into the flowed blocks
  int page = 0;           // 0-based
  double y = 0;           // top of the piece
  // For a splittable block, the units [first_unit, end_unit) this part holds (the tail goes with the
  // part that ends at the last unit); both 0 for an indivisible block.
  std::size_t first_unit = 0;
  std::size_t end_unit = 0;
};

struct Flow {
  // In drawing order: one per indivisible block, one per page a split block spans.
  std::vector<FlowPlacement> placements;
  int page_count = 1;
  double last_page_bottom = 0;  // the lowest y any block reaches on the last page
};

// A block taller than a whole page is put at the top of a page of its own and allowed to overflow;
// so is a single unit of a split block that is taller than a page.
Flow FlowBlocks(const std::vector<FlowBlock>& blocks, const FlowPage& page);

}  // namespace creditlens::render

// Tests for pagination: blocks that do not fit start a new page, headings stay with what follows,
// splittable blocks (tables) continue on the next page between their units.
#include "render/page_flow.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

namespace creditlens::render {
namespace {

FlowPage A4Like() { return {.first_page_top = 100, .page_top = 40, .page_bottom = 800}; }

TEST(PageFlowTest, BlocksThatFitStayOnPageOne) {
  const Flow flow = FlowBlocks({{200, 8, 8, false}, {200, 8, 8, false}}, A4Like());
  EXPECT_EQ(flow.page_count, 1);
  EXPECT_EQ(flow.placements[0].y, 100);  // no space above the first block
  EXPECT_EQ(flow.placements[1].y, 316);  // 100 + 200 + 8 + 8
  EXPECT_EQ(flow.last_page_bottom, 516);
}

TEST(PageFlowTest, BlockThatDoesNotFitStartsANewPage) {
  const Flow flow = FlowBlocks({{300, 8, 8, false}, {300, 8, 8, false}, {300, 8, 8, false}}, A4Like());
  EXPECT_EQ(flow.page_count, 2);
  EXPECT_EQ(flow.placements[1].page, 0);
  EXPECT_EQ(flow.placements[2].page, 1);
  EXPECT_EQ(flow.placements[2].y, 40);  // space before is dropped at the top of a page
}

TEST(PageFlowTest, HeadingMovesWithTheBlockAfterIt) {
  // The heading would fit at the bottom of page 1, the chart after it would not.
  const Flow flow = FlowBlocks({{600, 8, 8, false}, {20, 20, 0, true}, {200, 8, 8, false}}, A4Like());
  EXPECT_EQ(flow.page_count, 2);
  EXPECT_EQ(flow.placements[1].page, 1);
  EXPECT_EQ(flow.placements[1].y, 40);
  EXPECT_EQ(flow.placements[2].page, 1);
  EXPECT_EQ(flow.placements[2].y, 68);  // 40 + 20 + 0 + 8
}

TEST(PageFlowTest, OversizedBlockGetsItsOwnPage) {
  const Flow flow = FlowBlocks({{100, 8, 8, false}, {2000, 8, 8, false}, {100, 8, 8, false}}, A4Like());
  EXPECT_EQ(flow.page_count, 3);
  EXPECT_EQ(flow.placements[1].page, 1);
  EXPECT_EQ(flow.placements[1].y, 40);
  EXPECT_EQ(flow.placements[2].page, 2);
}

TEST(PageFlowTest, EmptyBlocksTakeNoSpace) {
  const Flow flow = FlowBlocks({{100, 8, 8, false}, {0, 8, 8, false}, {100, 8, 8, false}}, A4Like());
  EXPECT_EQ(flow.placements[2].y, 216);
}

TEST(PageFlowTest, EndlessPageNeverBreaks) {
  FlowPage page = A4Like();
  page.page_bottom = std::numeric_limits<double>::infinity();
  const Flow flow = FlowBlocks(std::vector<FlowBlock>(20, {300, 8, 8, false}), page);
  EXPECT_EQ(flow.page_count, 1);
  EXPECT_EQ(flow.last_page_bottom, 100 + 20 * 300 + 19 * 16);
}

TEST(PageFlowTest, NoBlocks) {
  const Flow flow = FlowBlocks({}, A4Like());
  EXPECT_EQ(flow.page_count, 1);
  EXPECT_TRUE(flow.placements.empty());
  EXPECT_EQ(flow.last_page_bottom, 100);
}

// A table-like block: a head of 20, `rows` units of 10 and a tail of `tail`, split with `min_units`.
FlowBlock SplitBlock(std::size_t rows, double tail = 0, std::size_t min_units = 1) {
  FlowSplit split{20, std::vector<double>(rows, 10.0), tail, min_units};
  return {20 + 10.0 * static_cast<double>(rows) + tail, 8, 8, false, split};
}

TEST(PageFlowTest, SplitBlockThatFitsIsOnePiece) {
  const Flow flow = FlowBlocks({SplitBlock(10, 15)}, A4Like());
  ASSERT_EQ(flow.placements.size(), 1u);
  EXPECT_EQ(flow.placements[0].first_unit, 0u);
  EXPECT_EQ(flow.placements[0].end_unit, 10u);
  EXPECT_EQ(flow.last_page_bottom, 100 + 20 + 100 + 15);
}

TEST(PageFlowTest, SplitBlockContinuesWithItsHeadRepeated) {
  // Page 1 has 700 points from y=100: the head and 68 units. Page 2 repeats the head at y=40.
  const Flow flow = FlowBlocks({SplitBlock(100, 15)}, A4Like());
  ASSERT_EQ(flow.placements.size(), 2u);
  EXPECT_EQ(flow.page_count, 2);
  EXPECT_EQ(flow.placements[0].page, 0);
  EXPECT_EQ(flow.placements[0].y, 100);
  EXPECT_EQ(flow.placements[0].first_unit, 0u);
  EXPECT_EQ(flow.placements[0].end_unit, 68u);
  EXPECT_EQ(flow.placements[1].block, 0u);
  EXPECT_EQ(flow.placements[1].page, 1);
  EXPECT_EQ(flow.placements[1].y, 40);
  EXPECT_EQ(flow.placements[1].first_unit, 68u);
  EXPECT_EQ(flow.placements[1].end_unit, 100u);
  EXPECT_EQ(flow.last_page_bottom, 40 + 20 + 320 + 15);
}

TEST(PageFlowTest, SplitBlockSpansManyPagesAndCoversEveryUnitOnce) {
  const Flow flow = FlowBlocks({{300, 8, 8, false}, SplitBlock(500, 15, 3), {100, 8, 8, false}}, A4Like());
  std::size_t next_unit = 0;
  int previous_page = 0;
  for (std::size_t i = 1; i + 1 < flow.placements.size(); ++i) {
    const FlowPlacement& part = flow.placements[i];
    EXPECT_EQ(part.block, 1u);
    EXPECT_EQ(part.first_unit, next_unit);
    EXPECT_GT(part.end_unit, part.first_unit);
    EXPECT_GE(part.end_unit - part.first_unit, 3u);
    if (i > 1) {
      EXPECT_EQ(part.page, previous_page + 1);
      EXPECT_EQ(part.y, 40);
    }
    previous_page = part.page;
    next_unit = part.end_unit;
  }
  EXPECT_EQ(next_unit, 500u);
  EXPECT_EQ(flow.placements[1].page, 0);  // starts mid-page, under the first block
  EXPECT_EQ(flow.placements[1].y, 416);
  EXPECT_EQ(flow.placements.back().block, 2u);
  EXPECT_EQ(flow.placements.back().page, previous_page);
}

TEST(PageFlowTest, TailStaysWithTheLastUnit) {
  // 68 units fit on page 1 exactly, but the 68th would need the tail of 15 beside it.
  const Flow flow = FlowBlocks({SplitBlock(68, 15)}, A4Like());
  ASSERT_EQ(flow.placements.size(), 2u);
  EXPECT_EQ(flow.placements[0].end_unit, 67u);
  EXPECT_EQ(flow.placements[1].first_unit, 67u);
  EXPECT_EQ(flow.placements[1].end_unit, 68u);
}

TEST(PageFlowTest, LastPartKeepsMinUnits) {
  const Flow flow = FlowBlocks({SplitBlock(69, 0, 3)}, A4Like());
  ASSERT_EQ(flow.placements.size(), 2u);
  EXPECT_EQ(flow.placements[0].end_unit, 66u);  // 68 would fit; 3 are kept for page 2
  EXPECT_EQ(flow.placements[1].end_unit, 69u);
}

TEST(PageFlowTest, SplitBlockMovesWhenItsFirstUnitsDoNotFit) {
  // 700 - 680 - 8 - 8 leaves 4 points: not even the head fits, so the block starts on page 2.
  const Flow flow = FlowBlocks({{680, 8, 8, false}, SplitBlock(10, 0, 3)}, A4Like());
  EXPECT_EQ(flow.placements[1].page, 1);
  EXPECT_EQ(flow.placements[1].end_unit, 10u);
  // Room for the head and two units but min_units is 3: the block moves as well.
  const Flow tight = FlowBlocks({{640, 8, 8, false}, SplitBlock(100, 0, 3)}, A4Like());
  EXPECT_EQ(tight.placements[1].page, 1);
  const Flow roomy = FlowBlocks({{630, 8, 8, false}, SplitBlock(100, 0, 3)}, A4Like());
  EXPECT_EQ(roomy.placements[1].page, 0);
  EXPECT_EQ(roomy.placements[1].end_unit, 3u);
}

TEST(PageFlowTest, HeadingStaysWithTheStartOfASplitBlock) {
  // The heading and the head of the table fit on page 1, but not with 3 rows: both move.
  const Flow moved = FlowBlocks({{600, 8, 8, false}, {20, 20, 0, true}, SplitBlock(100, 0, 3)}, A4Like());
  EXPECT_EQ(moved.placements[1].page, 1);
  EXPECT_EQ(moved.placements[2].page, 1);
  // With room for the heading and a few rows, the table starts on page 1 and continues.
  const Flow kept = FlowBlocks({{500, 8, 8, false}, {20, 20, 0, true}, SplitBlock(100, 0, 3)}, A4Like());
  EXPECT_EQ(kept.placements[1].page, 0);
  EXPECT_EQ(kept.placements[2].page, 0);
  EXPECT_EQ(kept.placements[3].page, 1);
}

TEST(PageFlowTest, UnitTallerThanAPageOverflowsAlone) {
  FlowBlock block = SplitBlock(0);
  block.split->units = {100, 2000, 100};
  block.height = 20 + 2200;
  const Flow flow = FlowBlocks({block}, A4Like());
  ASSERT_EQ(flow.placements.size(), 3u);
  EXPECT_EQ(flow.placements[0].end_unit, 1u);
  EXPECT_EQ(flow.placements[1].first_unit, 1u);
  EXPECT_EQ(flow.placements[1].end_unit, 2u);  // on a page of its own, overflowing it
  EXPECT_EQ(flow.placements[2].page, 2);
  EXPECT_EQ(flow.page_count, 3);
}

TEST(PageFlowTest, SplitBlockOnEndlessPageIsOnePiece) {
  FlowPage page = A4Like();
  page.page_bottom = std::numeric_limits<double>::infinity();
  const Flow flow = FlowBlocks({SplitBlock(1000, 15, 3)}, page);
  ASSERT_EQ(flow.placements.size(), 1u);
  EXPECT_EQ(flow.placements[0].end_unit, 1000u);
  EXPECT_EQ(flow.last_page_bottom, 100 + 20 + 10000 + 15);
}

TEST(PageFlowTest, SplitWithoutUnitsIsIndivisible) {
  const Flow flow = FlowBlocks({{700, 8, 8, false}, SplitBlock(0, 30)}, A4Like());
  ASSERT_EQ(flow.placements.size(), 2u);
  EXPECT_EQ(flow.placements[1].page, 1);
  EXPECT_EQ(flow.placements[1].end_unit, 0u);
}

FlowBlock PageBreakBlock() {
  FlowBlock block;
  block.new_page = true;
  return block;
}

TEST(PageFlowTest, PageBreakStartsANewPage) {
  const Flow flow =
      FlowBlocks({{100, 8, 8, false}, PageBreakBlock(), {20, 20, 0, true}, {100, 8, 8, false}}, A4Like());
  EXPECT_EQ(flow.page_count, 2);
  EXPECT_EQ(flow.placements[2].page, 1);
  EXPECT_EQ(flow.placements[2].y, 40);  // no space before at the top of the new page
  EXPECT_EQ(flow.placements[3].page, 1);
}

TEST(PageFlowTest, PageBreakAtTheTopOfAPageAddsNoPage) {
  const Flow first = FlowBlocks({PageBreakBlock(), {100, 8, 8, false}}, A4Like());
  EXPECT_EQ(first.page_count, 1);
  EXPECT_EQ(first.placements[1].y, 100);
  const Flow twice =
      FlowBlocks({{100, 8, 8, false}, PageBreakBlock(), PageBreakBlock(), {100, 8, 8, false}}, A4Like());
  EXPECT_EQ(twice.page_count, 2);
}

TEST(PageFlowTest, PageBreakOnAnEndlessPageIsIgnored) {
  FlowPage page = A4Like();
  page.page_bottom = std::numeric_limits<double>::infinity();
  const Flow flow = FlowBlocks({{100, 8, 8, false}, PageBreakBlock(), {100, 8, 8, false}}, page);
  EXPECT_EQ(flow.page_count, 1);
  EXPECT_EQ(flow.placements[2].y, 216);
}

}  // namespace
}  // namespace creditlens::render

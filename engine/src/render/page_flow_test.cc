// Tests for pagination: blocks that do not fit start a new page, headings stay with what follows.
#include "render/page_flow.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace creditlens::render

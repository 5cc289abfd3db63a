#include "query/folder_tree.h"

#include <gtest/gtest.h>

namespace creditlens::query {
namespace {

TEST(InFolder, HoldsTheFolderAndEverythingBelowIt) {
  EXPECT_TRUE(InFolder("/prod", "/prod"));
  EXPECT_TRUE(InFolder("/prod/eu/batch", "/prod"));
  EXPECT_TRUE(InFolder("/prod/eu", "/prod/"));
  EXPECT_FALSE(InFolder("/production", "/prod"));
  EXPECT_FALSE(InFolder("/pro", "/prod"));
  EXPECT_FALSE(InFolder("", "/prod"));
  EXPECT_TRUE(InFolder("/anything", "/"));
  EXPECT_FALSE(InFolder("", "/"));
}

TEST(BelowFolder, LeavesOutTheFolderItself) {
  EXPECT_FALSE(BelowFolder("/prod", "/prod"));
  EXPECT_FALSE(BelowFolder("/prod", "/prod/"));
  EXPECT_TRUE(BelowFolder("/prod/eu", "/prod"));
  EXPECT_FALSE(BelowFolder("/production", "/prod"));
}

TEST(RollUpFolders, ThreeLevelsRollUpWithAncestorsWithoutDirectUsage) {
  // /research has no usage of its own; /prod has some; /prod-x must not land inside /prod.
  const auto nodes = RollUpFolders({{"/prod/eu/batch", 5, 1},
                                    {"/prod", 7, 2},
                                    {"/prod/eu", 3, 1},
                                    {"/prod-x", 11, 1},
                                    {"/research/nlp", 13, 4},
                                    {"", 17, 3},
                                    {"/prod/us", 19, 1}});
  ASSERT_EQ(nodes.size(), 8u);
  const char* order[] = {"/prod",   "/prod/eu",  "/prod/eu/batch", "/prod/us",
                         "/prod-x", "/research", "/research/nlp",  ""};
  for (std::size_t i = 0; i < nodes.size(); ++i) EXPECT_EQ(nodes[i].path, order[i]) << i;
  EXPECT_EQ(nodes[0].direct, 7);
  EXPECT_EQ(nodes[0].rolled_up, 7 + 3 + 5 + 19);
  EXPECT_EQ(nodes[0].rolled_up_events, 2 + 1 + 1 + 1);
  EXPECT_EQ(nodes[0].depth, 1);
  EXPECT_EQ(nodes[1].rolled_up, 3 + 5);
  EXPECT_EQ(nodes[2].depth, 3);
  EXPECT_EQ(nodes[2].direct, nodes[2].rolled_up);
  EXPECT_EQ(nodes[5].direct, 0);
  EXPECT_EQ(nodes[5].rolled_up, 13);
  EXPECT_EQ(nodes[7].depth, 0);
  EXPECT_EQ(nodes[7].direct, 17);
}

}  // namespace
}  // namespace creditlens::query

#include "tab_separated.h"

#include <gtest/gtest.h>

namespace creditlens::clickhouse {
namespace {

TEST(TabSeparated, EscapesEveryCharacterThatWouldBreakAField) {
  std::string out;
  AppendEscapedField(out, std::string("a\\b\tc\nd\re'f") + std::string(1, '\0'));
  EXPECT_EQ(out, "a\\\\b\\tc\\nd\\re\\'f\\0");
}

TEST(TabSeparated, RoundTripsEscapedValues) {
  const std::string values[] = {
      "plain", "x'; DROP TABLE t; --", "back\\slash", "tab\there", "new\nline", "\\N",
      "",      "/* c */ \" ` \r\b\f"};
  std::string line;
  for (const auto& value : values) {
    if (!line.empty()) line += '\t';
    AppendEscapedField(line, value);
  }
  TsvRow row;
  ASSERT_TRUE(row.Parse(line, std::size(values))) << row.error();
  for (std::size_t i = 0; i < std::size(values); ++i) {
    EXPECT_EQ(row[i], values[i]);
    EXPECT_FALSE(row.IsNull(i));
  }
}

TEST(TabSeparated, ReadsNullMarkersAndEmptyFields) {
  TsvRow row;
  ASSERT_TRUE(row.Parse("\\N\t\t7", 3));
  EXPECT_TRUE(row.IsNull(0));
  EXPECT_FALSE(row.IsNull(1));
  EXPECT_EQ(row[1], "");
  EXPECT_EQ(row[2], "7");
  ASSERT_TRUE(row.Parse("", 1));
  EXPECT_EQ(row[0], "");
}

TEST(TabSeparated, RefusesRowsOfTheWrongShape) {
  TsvRow row;
  EXPECT_FALSE(row.Parse("a\tb", 3));
  EXPECT_EQ(row.error(), "2 fields where 3 were expected");
  EXPECT_FALSE(row.Parse("a\tb\tc", 2));
  EXPECT_FALSE(row.Parse("a\\", 1));
  EXPECT_FALSE(row.Parse("a\\q", 1));
  EXPECT_FALSE(row.Parse("Code: 60, DB::Exception: Table x doesn't exist.", 4));
}

}  // namespace
}  // namespace creditlens::clickhouse

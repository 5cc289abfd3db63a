#include "model/csv_reader.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace creditlens::model {
namespace {

using testing::TempDir;

std::vector<std::string> Fields(const CsvRecord& r) { return {r.fields.begin(), r.fields.end()}; }

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  TempDir dir;
  CsvReader csv(dir.Write("a.csv", "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n"));
  CsvRecord r;
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(Fields(r), (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(r.line, 2u);
  EXPECT_EQ(Fields(r), (std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"}));
  EXPECT_TRUE(r.error.empty());
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(r.line, 5u);  // the quoted newline and the blank line are counted
  EXPECT_EQ(Fields(r), (std::vector<std::string>{"last", "", ""}));
  EXPECT_FALSE(csv.Next(r));
}

TEST(CsvReader, ReportsMalformedQuotingAndGoesOn) {
  TempDir dir;
  CsvReader csv(dir.Write("b.csv", "ok,1\nbad\"quote,2\n\"closed\"junk,3\nnext,4\n\"open,5\n"));
  CsvRecord r;
  ASSERT_TRUE(csv.Next(r));
  EXPECT_TRUE(r.error.empty());
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(r.line, 2u);
  EXPECT_NE(r.error.find("quote inside an unquoted field"), std::string::npos);
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(r.line, 3u);
  EXPECT_NE(r.error.find("after a closing quote"), std::string::npos);
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(Fields(r), (std::vector<std::string>{"next", "4"}));
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(r.line, 5u);
  EXPECT_EQ(r.error, "unterminated quoted field");
  EXPECT_FALSE(csv.Next(r));
}

TEST(CsvReader, KeepsTheRawRecordAndCountsBytes) {
  TempDir dir;
  const std::string text = "h\n\"a\"\"b\"\n";
  CsvReader csv(dir.Write("c.csv", text));
  CsvRecord r;
  ASSERT_TRUE(csv.Next(r));
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(r.raw, "\"a\"\"b\"");
  EXPECT_EQ(csv.bytes_read(), text.size());
  EXPECT_EQ(csv.file_size(), text.size());
}

TEST(CsvReader, SkipsAUtf8ByteOrderMark) {
  TempDir dir;
  CsvReader csv(dir.Write("bom.csv", "\xEF\xBB\xBFid,ts\nx,y\n"));
  CsvRecord r;
  ASSERT_TRUE(csv.Next(r));
  EXPECT_EQ(Fields(r), (std::vector<std::string>{"id", "ts"}));
}

TEST(CsvReader, MissingFileNamesThePath) {
  try {
    CsvReader csv("/nonexistent/events.csv");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/events.csv: cannot open"), std::string::npos);
  }
}

}  // namespace
}  // namespace creditlens::model

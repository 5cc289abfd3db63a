#include "model/event_reader.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace creditlens::model {
namespace {

using testing::TempDir;

constexpr char kHeader[] =
    "id,ts,workspace_id,category,feature,credits,quantity,unit,folder,api_key,user_id,source,run_id,module,"
    "data_bytes\n";

// Reads every row of a file and returns "line: field: problem" for the bad ones, "ok" for good ones.
std::vector<std::string> Outcomes(const std::filesystem::path& path) {
  auto reader = OpenEventFile(path);
  std::vector<std::string> out;
  EventRow row;
  while (reader->Next(row)) {
    out.push_back(row.error ? std::to_string(row.line) + ": " + row.error->field + ": " + row.error->problem
                            : "ok");
  }
  return out;
}

TEST(CsvEvents, ParsesEveryField) {
  TempDir dir;
  const auto path = dir.Write("e.csv", std::string(kHeader) +
                                           "ev1,2026-03-01T12:00:00.250+01:00,ws1,deploy,inference_hosted,1."
                                           "500001,3,calls,/prod/eu/,key1,u1,etl,r1,embed,2048\n");
  auto reader = OpenEventFile(path);
  EventRow row;
  ASSERT_TRUE(reader->Next(row));
  ASSERT_FALSE(row.error) << row.error->problem;
  const UsageEvent& e = row.event;
  EXPECT_EQ(e.id, "ev1");
  EXPECT_EQ(e.ts_ms, 1772362800250);
  EXPECT_EQ(e.workspace_id, "ws1");
  EXPECT_EQ(e.category, "deploy");
  EXPECT_EQ(e.feature, "inference_hosted");
  EXPECT_EQ(e.credits, 1'500'001);
  EXPECT_EQ(e.quantity, 3'000'000);
  EXPECT_EQ(e.unit, "calls");
  EXPECT_EQ(e.folder, "/prod/eu");
  EXPECT_EQ(e.api_key, "key1");
  EXPECT_EQ(e.user_id, "u1");
  EXPECT_EQ(e.source, "etl");
  EXPECT_EQ(e.run_id, "r1");
  EXPECT_EQ(e.module, "embed");
  EXPECT_EQ(e.data_bytes, 2048);
  EXPECT_FALSE(reader->Next(row));
}

TEST(CsvEvents, ColumnsMayComeInAnyOrderAndOptionalOnesMayBeMissing) {
  TempDir dir;
  const auto path =
      dir.Write("e.csv", "credits,feature,category,workspace_id,ts,id\n2,f,c,ws,2026-01-01T00:00:00Z,x\n");
  auto reader = OpenEventFile(path);
  EventRow row;
  ASSERT_TRUE(reader->Next(row));
  ASSERT_FALSE(row.error);
  EXPECT_EQ(row.event.credits, 2'000'000);
  EXPECT_EQ(row.event.id, "x");
  EXPECT_FALSE(row.event.quantity);
}

TEST(CsvEvents, NamesLineFieldAndProblem) {
  TempDir dir;
  const auto path = dir.Write("e.csv", std::string(kHeader) +
                                           "ev1,2026-03-01T12:00:00Z,ws1,deploy,f,1,,,,,,,,,\n"
                                           "ev2,2026-03-01 noon,ws1,deploy,f,1,,,,,,,,,\n"
                                           "ev3,2026-03-01T12:00:00Z,ws1,deploy,f,-3,,,,,,,,,\n"
                                           "ev4,2026-03-01T12:00:00Z,,deploy,f,1,,,,,,,,,\n"
                                           "ev5,2026-03-01T12:00:00Z,ws1,deploy,f,1.0000001,,,,,,,,,\n"
                                           "ev6,2026-03-01T12:00:00Z,ws1,deploy,f,1,,,prod,,,,,,\n"
                                           "ev7,2026-03-01T12:00:00Z,ws1,deploy,f,1,,,,,,,,,-5\n"
                                           "ev8,2026-03-01T12:00:00Z,ws1,deploy\n"
                                           "ev9,2026-03-01T12:00:00Z,ws1,deploy,f,abc,,,,,,,,,\n");
  EXPECT_EQ(
      Outcomes(path),
      (std::vector<std::string>{
          "ok",
          // One expected line, split by clang-format.
          // NOLINTNEXTLINE(bugprone-suspicious-missing-comma)
          "3: ts: expected an ISO-8601 timestamp with offset, like 2026-03-01T12:00:00.250Z, got '2026-03-01 "
          "noon'",
          "4: credits: expected a decimal number >= 0 with at most 6 fractional digits, got '-3'",
          "5: workspace_id: is required",
          "6: credits: expected a decimal number >= 0 with at most 6 fractional digits, got '1.0000001'",
          "7: folder: expected a path like /prod/eu (leading '/', no empty segments), got 'prod'",
          "8: data_bytes: expected a whole number of bytes >= 0, got '-5'",
          "9: : expected 15 fields as in the header, found 4",
          "10: credits: expected a decimal number >= 0 with at most 6 fractional digits, got 'abc'",
      }));
}

TEST(CsvEvents, HeaderProblemsNameTheFile) {
  TempDir dir;
  EXPECT_THROW(
      {
        try {
          OpenEventFile(dir.Write("h.csv", "id,ts,workspace_id,category,feature\n"));
        } catch (const std::runtime_error& e) {
          EXPECT_NE(std::string(e.what()).find("h.csv:1: header: missing required column 'credits'"),
                    std::string::npos);
          throw;
        }
      },
      std::runtime_error);
  EXPECT_THROW(
      {
        try {
          OpenEventFile(dir.Write("u.csv", "id,ts,workspace_id,category,feature,credits,colour\n"));
        } catch (const std::runtime_error& e) {
          EXPECT_NE(std::string(e.what()).find("unknown column 'colour'"), std::string::npos);
          throw;
        }
      },
      std::runtime_error);
  EXPECT_THROW(OpenEventFile(dir.Write("x.parquet", "")), std::runtime_error);
}

TEST(JsonlEvents, KeepsNumbersExactAndReadsNullsAsAbsent) {
  TempDir dir;
  const auto path = dir.Write(
      "e.jsonl",
      R"({"id":"a","ts":"2026-03-01T12:00:00Z","workspace_id":"ws1","category":"c","feature":"f","credits":0.100001,"quantity":null,"data_bytes":12})"
      "\n\n"
      R"({"id":"b","ts":"2026-03-01T12:00:00Z","workspace_id":"ws1","category":"c","feature":"f","credits":"2.5","folder":"/a/b"})"
      "\n");
  auto reader = OpenEventFile(path);
  EventRow row;
  ASSERT_TRUE(reader->Next(row));
  ASSERT_FALSE(row.error) << row.error->problem;
  EXPECT_EQ(row.event.credits, 100'001);
  EXPECT_FALSE(row.event.quantity);
  EXPECT_EQ(row.event.data_bytes, 12);
  ASSERT_TRUE(reader->Next(row));
  ASSERT_FALSE(row.error);
  EXPECT_EQ(row.line, 3u);
  EXPECT_EQ(row.event.credits, 2'500'000);
  EXPECT_EQ(row.event.folder, "/a/b");
}

TEST(JsonlEvents, NamesLineFieldAndProblem) {
  TempDir dir;
  const auto path = dir.Write("e.jsonl",
                              "{\"id\":\"a\",\"ts\":\"2026-03-01T12:00:00Z\",\"workspace_id\":\"w\","
                              "\"category\":\"c\",\"feature\":\"f\",\"credits\":1e400}\n"
                              "{\"id\":\"a\",\"ts\":\"2026-03-01T12:00:00Z\",\"workspace_id\":\"w\","
                              "\"category\":\"c\",\"feature\":\"f\",\"credits\":true}\n"
                              "{\"id\":\"a\",\"colour\":\"red\"}\n"
                              "{\"id\":\"a\",\"ts\":{\"nested\":1}}\n"
                              "[1,2]\n"
                              "{\"id\":\"a\",\n"
                              "{\"id\":\"a\",\"ts\":\"2026-03-01T12:00:00Z\",\"workspace_id\":\"w\","
                              "\"category\":\"c\",\"feature\":\"f\",\"credits\":-1}\n"
                              "{\"id\":\"a\",\"ts\":\"2026-03-01T12:00:00Z\",\"workspace_id\":\"w\","
                              "\"category\":\"c\",\"feature\":\"f\",\"credits\":1} {\"id\":\"b\"}\n");
  const auto outcomes = Outcomes(path);
  ASSERT_EQ(outcomes.size(), 8u);
  EXPECT_EQ(outcomes[7], "8: : unexpected text after the JSON object (one object per line)");
  EXPECT_EQ(outcomes[0].substr(0, 11), "1: credits:");
  EXPECT_EQ(outcomes[1], "2: credits: expected a string or a number, got a boolean");
  EXPECT_EQ(outcomes[2], "3: colour: is not a field of a usage event");
  EXPECT_EQ(outcomes[3], "4: ts: expected a string or a number, got an object");
  EXPECT_EQ(outcomes[4], "5: : expected one JSON object per line, got an array");
  EXPECT_EQ(outcomes[5].substr(0, 19), "6: : invalid JSON: ");
  EXPECT_EQ(outcomes[6],
            "7: credits: expected a decimal number >= 0 with at most 6 fractional digits, got '-1'");
}

}  // namespace
}  // namespace creditlens::model

// Tests of the sample generator: exact counts, unique ids, determinism per seed, accounts that cover
// every event's workspace, both output formats, and the number formatting rows rely on.
#include "sample_generator.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "accounts.h"
#include "decimal_format.h"
#include "support/temp_dir.h"

namespace creditlens::sample {
namespace {

namespace fs = std::filesystem;
using creditlens::testing::ReadFile;
using creditlens::testing::TempDir;

constexpr std::uint64_t kEvents = 5000;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Splits a CSV row that has no quoted fields (the sample's values never need quotes).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  for (const char c : line) {
    if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

SampleSummary Generate(const fs::path& dir, std::uint64_t seed, EventFormat format = EventFormat::kCsv) {
  SampleOptions options;
  options.out_dir = dir;
  options.events = kEvents;
  options.seed = seed;
  options.format = format;
  return GenerateSample(options);
}

std::set<std::string> WorkspaceIds(const fs::path& accounts_path) {
  std::set<std::string> ids;
  const boost::json::value accounts = boost::json::parse(ReadFile(accounts_path));
  for (const auto& workspace : accounts.at("workspaces").as_array()) {
    ids.insert(std::string(workspace.at("id").as_string()));
    EXPECT_FALSE(workspace.at("subscriptions").as_array().empty());
  }
  return ids;
}

TEST(SampleGeneratorTest, WritesExactlyTheRequestedEventsWithUniqueIds) {
  TempDir dir;
  const SampleSummary summary = Generate(dir.path(), 42);
  EXPECT_EQ(summary.events, kEvents);
  EXPECT_EQ(summary.events_path, dir.path() / "events.csv");
  const std::vector<std::string> lines = Lines(ReadFile(summary.events_path));
  ASSERT_EQ(lines.size(), kEvents + 1);
  EXPECT_EQ(
      lines[0],
      "id,ts,workspace_id,category,feature,credits,quantity,unit,folder,api_key,user_id,source,run_id,module,"
      "data_bytes");
  std::set<std::string> ids;
  std::string previous_ts;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::vector<std::string> fields = SplitCsv(lines[i]);
    ASSERT_EQ(fields.size(), 15u) << lines[i];
    ids.insert(fields[0]);
    EXPECT_LE(previous_ts, fields[1]) << "events out of order at line " << i + 1;
    previous_ts = fields[1];
  }
  EXPECT_EQ(ids.size(), kEvents);
  EXPECT_EQ(SplitCsv(lines[1])[0], "ev00000001");
  EXPECT_FALSE(fs::exists(dir.path() / "events.csv.partial"));
}

TEST(SampleGeneratorTest, SameSeedGivesIdenticalFiles) {
  TempDir first, second;
  Generate(first.path(), 7);
  Generate(second.path(), 7);
  EXPECT_EQ(ReadFile(first.path() / "events.csv"), ReadFile(second.path() / "events.csv"));
  EXPECT_EQ(ReadFile(first.path() / "accounts.json"), ReadFile(second.path() / "accounts.json"));
}

TEST(SampleGeneratorTest, AnotherSeedGivesOtherEvents) {
  TempDir first, other;
  Generate(first.path(), 7);
  Generate(other.path(), 8);
  EXPECT_NE(ReadFile(first.path() / "events.csv"), ReadFile(other.path() / "events.csv"));
}

TEST(SampleGeneratorTest, EveryEventsWorkspaceIsInTheAccounts) {
  TempDir dir;
  const SampleSummary summary = Generate(dir.path(), 42);
  const std::set<std::string> workspaces = WorkspaceIds(summary.accounts_path);
  EXPECT_EQ(workspaces.size(), summary.workspaces);
  const std::vector<std::string> lines = Lines(ReadFile(summary.events_path));
  std::set<std::string> used;
  for (std::size_t i = 1; i < lines.size(); ++i) used.insert(SplitCsv(lines[i])[2]);
  for (const std::string& id : used) EXPECT_TRUE(workspaces.count(id)) << id;
  EXPECT_GE(used.size(), 6u);  // all but perhaps the smallest appear even in a small sample
}

TEST(SampleGeneratorTest, JsonLinesCarryTheSameEvents) {
  TempDir csv_dir, jsonl_dir;
  Generate(csv_dir.path(), 42, EventFormat::kCsv);
  const SampleSummary summary = Generate(jsonl_dir.path(), 42, EventFormat::kJsonl);
  EXPECT_EQ(summary.events_path, jsonl_dir.path() / "events.jsonl");
  const std::vector<std::string> csv_lines = Lines(ReadFile(csv_dir.path() / "events.csv"));
  const std::vector<std::string> jsonl_lines = Lines(ReadFile(summary.events_path));
  ASSERT_EQ(jsonl_lines.size(), kEvents);
  const std::set<std::string> workspaces = WorkspaceIds(summary.accounts_path);
  for (std::size_t i = 0; i < jsonl_lines.size(); i += 97) {
    const boost::json::object event = boost::json::parse(jsonl_lines[i]).as_object();
    const std::vector<std::string> fields = SplitCsv(csv_lines[i + 1]);
    EXPECT_EQ(event.at("id").as_string(), fields[0]);
    EXPECT_EQ(event.at("ts").as_string(), fields[1]);
    EXPECT_TRUE(workspaces.count(std::string(event.at("workspace_id").as_string())));
    EXPECT_TRUE(event.at("credits").is_number());
  }
}

TEST(DecimalFormatTest, WritesMicrosWithoutTrailingZeros) {
  const auto text = [](std::int64_t micros) {
    char buffer[kMaxNumberChars];
    return std::string(buffer, WriteMicros(buffer, micros));
  };
  EXPECT_EQ(text(125000), "0.125");
  EXPECT_EQ(text(3000000), "3");
  EXPECT_EQ(text(12000375), "12.000375");
  EXPECT_EQ(text(0), "0");
  EXPECT_EQ(text(1), "0.000001");
}

TEST(DecimalFormatTest, WritesUtcTimestampsWithMillis) {
  const std::int64_t ms = 1772366400250;  // 2026-03-01T12:00:00.250Z
  char buffer[2 * kMaxNumberChars];
  char* end = WriteMinuteSecondMillis(WriteHourPrefix(buffer, ms), ms);
  EXPECT_EQ(std::string(buffer, end), "2026-03-01T12:00:00.250Z");
}

TEST(AccountsTest, NiceCreditsRoundsToPriceListNumbers) {
  EXPECT_EQ(NiceCredits(2700, true), 2500);
  EXPECT_EQ(NiceCredits(2700, false), 3000);
  EXPECT_EQ(NiceCredits(1000, true), 1000);
  EXPECT_EQ(NiceCredits(9000, false), 10000);
  EXPECT_EQ(NiceCredits(3, false), 10);
}

}  // namespace
}  // namespace creditlens::sample

#include "event_files.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "test_support.h"

namespace creditlens::files {
namespace {

using testing::FocusRow;
using testing::kFocusHeader;
using testing::Priced;

constexpr std::string_view kCsvHeader = "id,ts,workspace_id,category,feature,credits\n";
constexpr std::string_view kAccounts =
    R"({"workspaces": [{"id": "ws1", "name": "Acme", "kind": "team", "timezone": "Europe/Berlin",
        "price_per_credit": 0.01, "subscriptions": [], "credit_grants": []}]})";

class EventFilesTest : public ::testing::Test {
 protected:
  FilesOptions Options(const std::filesystem::path& path, std::string_view price = "") {
    FilesOptions options;
    options.path = path;
    if (!price.empty()) options.focus = Priced(price);
    return options;
  }
  std::string ErrorOf(const FilesOptions& options) {
    return testing::ErrorOf([&] { LoadFiles(options); });
  }
  std::int64_t Total(const LoadedFiles& loaded) {
    std::vector<AggregateRow> rows;
    loaded.events.Aggregate({INT64_MIN, INT64_MAX, {}, {}, TimeBucket::kNone}, rows);
    return rows.empty() ? 0 : rows[0].credits;
  }
  creditlens::testing::TempDir dir_;
};

TEST_F(EventFilesTest, ReadsADirectoryOfCanonicalAndFocusFiles) {
  dir_.Write("in/a.csv", std::string(kCsvHeader) + "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1.5\n");
  dir_.Write(
      "in/b.jsonl",
      R"({"id":"e2","ts":"2026-03-01T13:00:00Z","workspace_id":"ws2","category":"c","feature":"f","credits":0.25})"
      "\n");
  dir_.Write("in/c.csv", std::string(kFocusHeader) +
                             FocusRow("0.02", "Usage", "2024-09-18 22:00:00", "f1", "111") +
                             FocusRow("-1", "Credit", "2024-09-18 22:00:00", "f2", "111"));
  dir_.Write("in/notes.txt", "not events");
  dir_.Write("in/.hidden.csv", "not events either");
  dir_.Write("in/sub/d.csv", "nor these");
  EXPECT_EQ(EventFilesAt(dir_ / "in"),
            (std::vector<std::filesystem::path>{dir_ / "in/a.csv", dir_ / "in/b.jsonl", dir_ / "in/c.csv"}));

  const LoadedFiles loaded = LoadFiles(Options(dir_ / "in", "0.01"));
  EXPECT_EQ(loaded.events.size(), 3u);
  EXPECT_EQ(Total(loaded), 1'500'000 + 250'000 + 2'000'000);
  ASSERT_EQ(loaded.workspaces.size(), 3u);
  EXPECT_EQ(loaded.workspaces[0].id, "111");
  EXPECT_EQ(loaded.workspaces[0].name, "Atlas, Nimbus");
  EXPECT_EQ(loaded.workspaces[0].price_per_credit, "0.01");
  EXPECT_TRUE(loaded.workspaces[0].subscriptions.empty());
  EXPECT_EQ(loaded.workspaces[1].name, "ws1");
  EXPECT_EQ(loaded.workspaces[1].price_per_credit, "0");
  EXPECT_EQ(loaded.left_out.focus.by_charge_category.at("Credit"), 1u);
  EXPECT_EQ(DescribeLeftOut(loaded.left_out), "left out 1 FOCUS rows that are not usage (Credit 1)");
}

TEST_F(EventFilesTest, TakesWorkspacesFromAnAccountsFile) {
  FilesOptions options =
      Options(dir_.Write("e.csv", std::string(kCsvHeader) + "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\n"
                                                            "e2,2026-03-01T12:00:00Z,wsX,deploy,ocr,1\n"));
  options.accounts = dir_.Write("accounts.json", kAccounts);
  EXPECT_EQ(ErrorOf(options),
            (dir_ / "e.csv").string() +
                ":3: field 'workspace_id': unknown workspace 'wsX' (not in the accounts file " +
                options.accounts.string() + ")");
  options.path =
      dir_.Write("good.csv", std::string(kCsvHeader) + "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\n");
  const LoadedFiles loaded = LoadFiles(options);
  ASSERT_EQ(loaded.workspaces.size(), 1u);
  EXPECT_EQ(loaded.workspaces[0].timezone, "Europe/Berlin");
}

TEST_F(EventFilesTest, BadRowsNameFileLineFieldAndProblem) {
  const auto bad_csv = dir_.Write("bad.csv", std::string(kCsvHeader) +
                                                 "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\n"
                                                 "e2,2026-03-01T12:00:00Z,ws1,deploy,ocr,-1\n");
  EXPECT_EQ(ErrorOf(Options(bad_csv)),
            bad_csv.string() +
                ":3: field 'credits': expected a decimal number >= 0 with at most 6 fractional "
                "digits, got '-1'");
  const auto twice = dir_.Write(
      "twice.jsonl",
      R"({"id":"a","ts":"2026-03-01T13:00:00Z","workspace_id":"w","category":"c","feature":"f","credits":1})"
      "\n"
      R"({"id":"a","ts":"2026-03-01T14:00:00Z","workspace_id":"w","category":"c","feature":"f","credits":1})"
      "\n");
  EXPECT_EQ(ErrorOf(Options(twice)), twice.string() + ":2: field 'id': id 'a' appears earlier in this file");
  const auto focus = dir_.Write("focus.csv", std::string(kFocusHeader) +
                                                 FocusRow("0.1", "Usage", "2024-09-18 22:00:00", "1") +
                                                 FocusRow("x1", "Usage", "2024-09-18 22:00:00", "2"));
  EXPECT_EQ(ErrorOf(Options(focus, "0.01")),
            focus.string() + ":3: field 'BilledCost': expected a decimal number, got 'x1'");
  EXPECT_EQ(ErrorOf(Options(focus)),
            focus.string() +
                ": a FOCUS export: set focus_credit_price (dollars per credit), e.g. --source 'files:" +
                focus.string() + "?focus_credit_price=0.01'");
  EXPECT_EQ(ErrorOf(Options(dir_ / "missing")), "'" + (dir_ / "missing").string() + "' does not exist");
  std::filesystem::create_directory(dir_ / "empty");
  EXPECT_EQ(
      ErrorOf(Options(dir_ / "empty")),
      (dir_ / "empty").string() + ": no event files in the directory (expected .csv, .jsonl or .ndjson)");
}

TEST_F(EventFilesTest, AnIdInALaterFileIsLeftOutAsIngestWould) {
  dir_.Write("in/1.csv", std::string(kCsvHeader) + "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\n");
  dir_.Write("in/2.csv", std::string(kCsvHeader) +
                             "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,7\n"
                             "e2,2026-03-01T12:00:00Z,ws1,deploy,ocr,2\n");
  const LoadedFiles loaded = LoadFiles(Options(dir_ / "in"));
  EXPECT_EQ(loaded.events.size(), 2u);
  EXPECT_EQ(Total(loaded), 3'000'000);
  EXPECT_EQ(DescribeLeftOut(loaded.left_out), "left out 1 events whose id an earlier file holds");
}

TEST(DescribeLeftOut, SaysNothingWhenNothingWasLeftOut) {
  EXPECT_EQ(DescribeLeftOut({}), "");
  LeftOut left_out;
  left_out.focus.by_charge_category = {{"Adjustment", 2}, {"Credit", 1}};
  left_out.focus.negative_usage = 12;
  EXPECT_EQ(DescribeLeftOut(left_out),
            "left out 3 FOCUS rows that are not usage (Adjustment 2, Credit 1); 12 FOCUS usage rows with a "
            "negative cost (refunds and corrections: credits cannot be negative)");
}

}  // namespace
}  // namespace creditlens::files

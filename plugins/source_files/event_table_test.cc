#include "event_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

namespace creditlens::files {
namespace {

constexpr std::int64_t kMsPerHour = 3'600'000;
constexpr std::int64_t kMsPerQuarter = 900'000;
constexpr std::int64_t kNewYear = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

// A deploy event of a workspace's feature, at ts.
UsageEvent At(std::int64_t ts, const char* id, const char* workspace, const char* feature,
              MicroCredits credits, const char* user = "") {
  UsageEvent e;
  std::tie(e.id, e.ts_ms, e.workspace_id, e.feature, e.credits, e.user_id) =
      std::tuple(id, ts, workspace, feature, credits, user);
  e.category = "deploy";
  return e;
}

class EventTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Added out of time order: Seal sorts.
    for (const UsageEvent& e :
         {At(kNewYear + kMsPerHour + 1, "e3", "ws1", "ocr", 3, "ann"),
          At(kNewYear, "e1", "ws1", "ocr", 1'000'001, "ann"),
          At(kNewYear + 20 * 60'000, "e2", "ws2", "chat", 2, "bob"),
          At(kNewYear + 2 * kMsPerHour, "e4", "ws1", "chat", 4), At(kNewYear - 1, "e0", "ws1", "ocr", 5)}) {
      ASSERT_FALSE(table_.Add(e, 0));
    }
    table_.Seal();
  }
  std::vector<AggregateRow> Aggregate(const AggregateRequest& request) const {
    std::vector<AggregateRow> rows = {AggregateRow{}};  // replaced, not appended to
    table_.Aggregate(request, rows);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return std::tie(a.bucket_start_ms, a.keys) < std::tie(b.bucket_start_ms, b.keys);
    });
    return rows;
  }
  EventTable table_;
};

using Row = std::tuple<std::int64_t, std::vector<std::string>, MicroCredits, std::int64_t>;
std::vector<Row> Tuples(const std::vector<AggregateRow>& rows) {
  std::vector<Row> out;
  for (const auto& r : rows) out.emplace_back(r.bucket_start_ms, r.keys, r.credits, r.events);
  return out;
}

TEST_F(EventTableTest, SumsExactlyInHourBucketsByKeys) {
  AggregateRequest request{
      kNewYear, kNewYear + 3 * kMsPerHour, {}, {Dimension::kWorkspace}, TimeBucket::kHourUtc};
  EXPECT_EQ(Tuples(Aggregate(request)), (std::vector<Row>{{kNewYear, {"ws1"}, 1'000'001, 1},
                                                          {kNewYear, {"ws2"}, 2, 1},
                                                          {kNewYear + kMsPerHour, {"ws1"}, 3, 1},
                                                          {kNewYear + 2 * kMsPerHour, {"ws1"}, 4, 1}}));
}

TEST_F(EventTableTest, RangesAreHalfOpenAndTotalsHaveNoBucket) {
  AggregateRequest request{kNewYear, kNewYear + 2 * kMsPerHour, {}, {}, TimeBucket::kNone};
  EXPECT_EQ(Tuples(Aggregate(request)), (std::vector<Row>{{0, {}, 1'000'006, 3}}));
  request.from_ms = kNewYear - 1;
  request.to_ms = kNewYear;
  EXPECT_EQ(Tuples(Aggregate(request)), (std::vector<Row>{{0, {}, 5, 1}}));
  request.from_ms = request.to_ms;
  EXPECT_TRUE(Aggregate(request).empty());
}

TEST_F(EventTableTest, QuarterHoursFloorEvenBefore1970) {
  AggregateRequest request{
      kNewYear - kMsPerHour, kNewYear + kMsPerHour, {}, {Dimension::kFeature}, TimeBucket::kQuarterHourUtc};
  EXPECT_EQ(Tuples(Aggregate(request)), (std::vector<Row>{{kNewYear - kMsPerQuarter, {"ocr"}, 5, 1},
                                                          {kNewYear, {"ocr"}, 1'000'001, 1},
                                                          {kNewYear + kMsPerQuarter, {"chat"}, 2, 1}}));
  EventTable old;
  old.Add(At(-1, "x", "ws", "f", 7), 0);
  old.Seal();
  std::vector<AggregateRow> rows;
  old.Aggregate({-kMsPerHour, kMsPerHour, {}, {}, TimeBucket::kQuarterHourUtc}, rows);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].bucket_start_ms, -kMsPerQuarter);
}

TEST_F(EventTableTest, FiltersMatchAnyValueAndAllFilters) {
  AggregateRequest request{kNewYear - kMsPerHour,
                           kNewYear + 3 * kMsPerHour,
                           {},
                           {Dimension::kUser, Dimension::kFeature},
                           TimeBucket::kNone};
  request.filters = {{Dimension::kWorkspace, {"ws1", "ws2", "ws9"}}, {Dimension::kUser, {"ann", "bob"}}};
  EXPECT_EQ(Tuples(Aggregate(request)),
            (std::vector<Row>{{0, {"ann", "ocr"}, 1'000'004, 2}, {0, {"bob", "chat"}, 2, 1}}));
  request.filters = {{Dimension::kUser, {""}}};  // events with no user
  EXPECT_EQ(Tuples(Aggregate(request)), (std::vector<Row>{{0, {"", "chat"}, 4, 1}, {0, {"", "ocr"}, 5, 1}}));
  request.filters = {{Dimension::kWorkspace, {"nobody"}}};
  EXPECT_TRUE(Aggregate(request).empty());
  request.filters = {{Dimension::kWorkspace, {}}};
  EXPECT_TRUE(Aggregate(request).empty());
}

TEST_F(EventTableTest, ListsEventsWithEveryFieldAndStopsWhenAsked) {
  UsageEvent full = At(kNewYear + 5, "f1", "ws3", "ocr", 9, "cy");
  full.quantity = 1'500'000;
  full.unit = "pages";
  full.folder = "/prod/eu";
  full.api_key = "key";
  full.source = "flow";
  full.run_id = "run";
  full.module = "mod";
  full.data_bytes = 0;
  ASSERT_FALSE(table_.Add(full, 1));
  table_.Seal();
  std::vector<UsageEvent> listed;
  table_.List({kNewYear, kNewYear + kMsPerHour, {{Dimension::kWorkspace, {"ws3"}}}},
              [&](const UsageEvent& e) {
                listed.push_back(e);
                return true;
              });
  ASSERT_EQ(listed.size(), 1u);
  const UsageEvent& e = listed[0];
  EXPECT_EQ(std::tie(e.id, e.ts_ms, e.workspace_id, e.category, e.feature, e.credits, e.quantity, e.unit,
                     e.folder, e.api_key, e.user_id, e.source, e.run_id, e.module, e.data_bytes),
            std::tie(full.id, full.ts_ms, full.workspace_id, full.category, full.feature, full.credits,
                     full.quantity, full.unit, full.folder, full.api_key, full.user_id, full.source,
                     full.run_id, full.module, full.data_bytes));

  int seen = 0;
  table_.List({kNewYear - kMsPerHour, kNewYear + 3 * kMsPerHour, {}},
              [&](const UsageEvent&) { return ++seen < 2; });
  EXPECT_EQ(seen, 2);
}

TEST_F(EventTableTest, KeepsTheFirstEventOfAnId) {
  EXPECT_EQ(table_.Add(At(kNewYear, "e1", "ws1", "ocr", 100), 3), 0u);  // the file e1 came from
  EXPECT_EQ(table_.size(), 5u);
}

}  // namespace
}  // namespace creditlens::files

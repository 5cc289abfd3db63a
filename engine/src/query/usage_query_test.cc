#include "query/usage_query.h"

#include <gtest/gtest.h>

#include "../../../plugins/source_sqlite/sqlite_connector.h"
#include "model/timestamp.h"
#include "query/cycle_summary.h"
#include "support/temp_dir.h"

namespace creditlens::query {
namespace {

std::int32_t Day(const char* iso) { return *model::ParseIsoDate(iso); }
std::int64_t At(const char* iso) { return *model::ParseIsoTimestamp(iso); }

Workspace MakeWorkspace(std::string id, std::string name, WorkspaceKind kind, std::string zone,
                        std::string price) {
  Workspace w;
  w.id = std::move(id);
  w.name = std::move(name);
  w.kind = kind;
  w.timezone = std::move(zone);
  w.price_per_credit = std::move(price);
  return w;
}

class UsageEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_
                    .Open({{"path", (dir_ / "s.db").string()},
                           {"cache_mb", "8"},
                           {"busy_timeout_ms", "100"},
                           {"create", "true"}})
                    .ok());
    workspaces_ = {
        MakeWorkspace("berlin", "Berlin Team", WorkspaceKind::kTeam, "Europe/Berlin", "0.01"),
        MakeWorkspace("kolkata", "Kolkata Solo", WorkspaceKind::kPersonal, "Asia/Kolkata", "0.008")};
    workspaces_[0].subscriptions.push_back({"core", At("2026-01-14T23:00:00Z"), std::nullopt,
                                            BillingCycle::kMonthly, 100 * kMicrosPerCredit, "0.012"});
    std::vector<UsageEvent> events = {
        Event("1", "2026-03-01T22:59:00Z", "berlin", "data", "storage", "1.5"),     // 23:59 Berlin, 1 March
        Event("2", "2026-03-01T23:00:00Z", "berlin", "deploy", "inference", "2"),   // 00:00 Berlin, 2 March
        Event("3", "2026-03-01T18:29:00Z", "kolkata", "deploy", "inference", "4"),  // 23:59 Kolkata, 1 March
        Event("4", "2026-03-01T18:30:00Z", "kolkata", "deploy", "inference", "8"),  // 00:00 Kolkata, 2 March
        Event("5", "2026-02-20T10:00:00Z", "berlin", "deploy", "inference", "0.000001"),
    };
    EventStore& s = *store_.Store();
    std::vector<WriteOutcome> outcomes;
    ASSERT_TRUE(s.BeginLoad().ok());
    ASSERT_TRUE(s.WriteBatch(events, outcomes).ok());
    ASSERT_TRUE(s.CommitLoad().ok());
  }
  static UsageEvent Event(std::string id, const char* ts, std::string ws, std::string category,
                          std::string feature, const char* credits) {
    UsageEvent e;
    e.id = std::move(id);
    e.ts_ms = At(ts);
    e.workspace_id = std::move(ws);
    e.category = std::move(category);
    e.feature = std::move(feature);
    e.credits = *ParseMicroCredits(credits);
    return e;
  }
  UsageEngine Engine(std::optional<std::string> scope, const char* zone) {
    return UsageEngine(store_, workspaces_, std::move(scope), model::TimeZone::Locate(zone));
  }

  testing::TempDir dir_;
  sqlite::SqliteConnector store_;
  std::vector<Workspace> workspaces_;
};

TEST_F(UsageEngineTest, DaysAreCutInTheWorkspaceZone) {
  const Dataset berlin =
      Engine("berlin", "Europe/Berlin")
          .Run("daily",
               {Day("2026-03-01"), Day("2026-03-02"), Grain::kDay, {}, {}, false, 0, Unit::kCredits});
  ASSERT_EQ(berlin.series.size(), 1u);
  EXPECT_EQ(berlin.series[0].values, (std::vector<std::int64_t>{1'500'000, 2'000'000}));
  // Kolkata's +05:30 forces the quarter-hour path; the result is still exact.
  const Dataset kolkata =
      Engine("kolkata", "Asia/Kolkata")
          .Run("daily",
               {Day("2026-03-01"), Day("2026-03-02"), Grain::kDay, {}, {}, false, 0, Unit::kCredits});
  EXPECT_EQ(kolkata.series[0].values, (std::vector<std::int64_t>{4'000'000, 8'000'000}));
}

TEST_F(UsageEngineTest, AScopedEngineSeesOnlyItsWorkspaceWhateverTheQueryAsks) {
  UsageQuery query{Day("2026-02-01"), Day("2026-03-31"), Grain::kNone, {"workspace"}, {}, false, 0,
                   Unit::kCredits};
  query.filters.push_back({Dimension::kWorkspace, {"kolkata"}});
  const Dataset scoped = Engine("berlin", "UTC").Run("w", query);
  EXPECT_EQ(scoped.total, 0);
  EXPECT_TRUE(scoped.series.empty());
  query.filters.clear();
  const Dataset all_asked = Engine("berlin", "UTC").Run("w", query);
  ASSERT_EQ(all_asked.series.size(), 1u);
  EXPECT_EQ(all_asked.series[0].keys[0], "berlin");
  EXPECT_EQ(all_asked.total, 3'500'001);
}

TEST_F(UsageEngineTest, OrganisationByWorkspaceKindAndDollars) {
  auto engine = Engine(std::nullopt, "UTC");
  const DayRange march{Day("2026-03-01"), Day("2026-03-31")};
  const Dataset by_ws = engine.Run(
      "ws", {march.first_day, march.last_day, Grain::kNone, {"workspace"}, {}, false, 0, Unit::kCredits});
  ASSERT_EQ(by_ws.series.size(), 2u);
  EXPECT_EQ(by_ws.series[0].label, "Kolkata Solo");  // sorted by credits
  EXPECT_EQ(by_ws.series[0].total, 12'000'000);
  const Dataset by_kind = engine.Run(
      "kind", {march.first_day, march.last_day, Grain::kNone, {"kind"}, {}, false, 0, Unit::kCredits});
  ASSERT_EQ(by_kind.series.size(), 2u);
  EXPECT_EQ(by_kind.series[0].keys[0], "personal");
  EXPECT_EQ(by_kind.series[1].keys[0], "team");
  EXPECT_EQ(by_kind.series[1].total, 3'500'000);
  // 12 credits at $0.008 + 3.5 at $0.01 = $0.131
  const Dataset dollars =
      engine.Run("$", {march.first_day, march.last_day, Grain::kNone, {}, {}, false, 0, Unit::kDollars});
  EXPECT_EQ(dollars.total, 131'000);
}

TEST_F(UsageEngineTest, CumulativeTopNAndZeroFill) {
  auto engine = Engine(std::nullopt, "UTC");
  const Dataset daily =
      engine.Run("d", {Day("2026-02-28"), Day("2026-03-03"), Grain::kDay, {}, {}, true, 0, Unit::kCredits});
  EXPECT_EQ(daily.buckets.size(), 4u);
  EXPECT_EQ(daily.series[0].values, (std::vector<std::int64_t>{0, 15'500'000, 15'500'000,
                                                               15'500'000}));  // all four fall on 1 March UTC
  const Dataset empty =
      engine.Run("e", {Day("2025-01-01"), Day("2025-01-03"), Grain::kDay, {}, {}, false, 0, Unit::kCredits});
  EXPECT_EQ(empty.series[0].values, (std::vector<std::int64_t>{0, 0, 0}));
  const Dataset top = engine.Run(
      "t", {Day("2026-02-01"), Day("2026-03-31"), Grain::kNone, {"feature"}, {}, false, 1, Unit::kCredits});
  ASSERT_EQ(top.series.size(), 2u);
  EXPECT_EQ(top.series[0].keys[0], "inference");
  EXPECT_EQ(top.series[1].label, "Other (1 more)");
  EXPECT_EQ(top.series[1].total, 1'500'000);
}

TEST_F(UsageEngineTest, UnknownDimensionListsTheAcceptedOnes) {
  try {
    Engine(std::nullopt, "UTC").Run("x", {1, 2, Grain::kNone, {"colour"}, {}, false, 0, Unit::kCredits});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("unknown dimension 'colour' (accepted: workspace, category"),
              std::string::npos);
  }
}

TEST_F(UsageEngineTest, CycleSummaryUsesTheWorkspaceCycle) {
  // Berlin's cycle runs from the 15th (local); as of 2 March it began 15 February.
  const CycleSummary s = SummariseCycles(Engine("berlin", "Europe/Berlin"), At("2026-03-02T12:00:00Z"));
  EXPECT_EQ(s.used, 3'500'001);
  EXPECT_EQ(s.included, 100 * kMicrosPerCredit);
  EXPECT_EQ(s.left, 100 * kMicrosPerCredit - 3'500'001);
  EXPECT_EQ(s.resets_on, Day("2026-03-15"));
  EXPECT_EQ(s.period->first_day, Day("2026-02-15"));
  EXPECT_EQ(s.average_per_day, 3'500'001 / 16);
}

}  // namespace
}  // namespace creditlens::query

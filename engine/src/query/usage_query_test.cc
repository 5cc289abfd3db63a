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

UsageQuery Q(std::int32_t first_day, std::int32_t last_day, Grain grain, std::vector<std::string> group_by,
             bool cumulative, std::size_t top, Unit unit) {
  UsageQuery q;
  q.first_day = first_day;
  q.last_day = last_day;
  q.grain = grain;
  q.group_by = std::move(group_by);
  q.cumulative = cumulative;
  q.top = top;
  q.unit = unit;
  return q;
}

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
    Write(events);
  }
  void Write(const std::vector<UsageEvent>& events) {
    EventStore& s = *store_.Store();
    std::vector<WriteOutcome> outcomes;
    ASSERT_TRUE(s.BeginLoad().ok());
    ASSERT_TRUE(s.WriteBatch(events, outcomes).ok());
    ASSERT_TRUE(s.CommitLoad().ok());
  }
  // Events in April with folders three levels deep, one feature per folder.
  void WriteFolderEvents() {
    const std::pair<const char*, const char*> folders[] = {
        {"/prod", "1"}, {"/prod/eu", "2"}, {"/prod/eu/batch", "4"}, {"/prod-x", "8"}, {"", "16"}};
    std::vector<UsageEvent> events;
    for (const auto& [folder, credits] : folders) {
      UsageEvent e = Event(std::string("f") + credits, "2026-04-10T12:00:00Z", "berlin", "train",
                           std::string("feature") + credits, credits);
      e.folder = folder;
      events.push_back(e);
    }
    Write(events);
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
          .Run("daily", Q(Day("2026-03-01"), Day("2026-03-02"), Grain::kDay, {}, false, 0, Unit::kCredits));
  ASSERT_EQ(berlin.series.size(), 1u);
  EXPECT_EQ(berlin.series[0].values, (std::vector<std::int64_t>{1'500'000, 2'000'000}));
  // Kolkata's +05:30 forces the quarter-hour path; the result is still exact.
  const Dataset kolkata =
      Engine("kolkata", "Asia/Kolkata")
          .Run("daily", Q(Day("2026-03-01"), Day("2026-03-02"), Grain::kDay, {}, false, 0, Unit::kCredits));
  EXPECT_EQ(kolkata.series[0].values, (std::vector<std::int64_t>{4'000'000, 8'000'000}));
}

TEST_F(UsageEngineTest, AScopedEngineSeesOnlyItsWorkspaceWhateverTheQueryAsks) {
  UsageQuery query =
      Q(Day("2026-02-01"), Day("2026-03-31"), Grain::kNone, {"workspace"}, false, 0, Unit::kCredits);
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
      "ws", Q(march.first_day, march.last_day, Grain::kNone, {"workspace"}, false, 0, Unit::kCredits));
  ASSERT_EQ(by_ws.series.size(), 2u);
  EXPECT_EQ(by_ws.series[0].label, "Kolkata Solo");  // sorted by credits
  EXPECT_EQ(by_ws.series[0].total, 12'000'000);
  const Dataset by_kind = engine.Run(
      "kind", Q(march.first_day, march.last_day, Grain::kNone, {"kind"}, false, 0, Unit::kCredits));
  ASSERT_EQ(by_kind.series.size(), 2u);
  EXPECT_EQ(by_kind.series[0].keys[0], "personal");
  EXPECT_EQ(by_kind.series[1].keys[0], "team");
  EXPECT_EQ(by_kind.series[1].total, 3'500'000);
  // 12 credits at $0.008 + 3.5 at $0.01 = $0.131
  const Dataset dollars =
      engine.Run("$", Q(march.first_day, march.last_day, Grain::kNone, {}, false, 0, Unit::kDollars));
  EXPECT_EQ(dollars.total, 131'000);
}

TEST_F(UsageEngineTest, CumulativeTopNAndZeroFill) {
  auto engine = Engine(std::nullopt, "UTC");
  const Dataset daily =
      engine.Run("d", Q(Day("2026-02-28"), Day("2026-03-03"), Grain::kDay, {}, true, 0, Unit::kCredits));
  EXPECT_EQ(daily.buckets.size(), 4u);
  EXPECT_EQ(daily.series[0].values, (std::vector<std::int64_t>{0, 15'500'000, 15'500'000,
                                                               15'500'000}));  // all four fall on 1 March UTC
  const Dataset empty =
      engine.Run("e", Q(Day("2025-01-01"), Day("2025-01-03"), Grain::kDay, {}, false, 0, Unit::kCredits));
  EXPECT_EQ(empty.series[0].values, (std::vector<std::int64_t>{0, 0, 0}));
  const Dataset top = engine.Run(
      "t", Q(Day("2026-02-01"), Day("2026-03-31"), Grain::kNone, {"feature"}, false, 1, Unit::kCredits));
  ASSERT_EQ(top.series.size(), 2u);
  EXPECT_EQ(top.series[0].keys[0], "inference");
  EXPECT_EQ(top.series[1].label, "Other (1 more)");
  EXPECT_EQ(top.series[1].total, 1'500'000);
}

TEST_F(UsageEngineTest, AFolderFilterRollsUpItsSubtreeOrOnlyItsChildren) {
  WriteFolderEvents();
  auto engine = Engine(std::nullopt, "UTC");
  UsageQuery q = Q(Day("2026-04-01"), Day("2026-04-30"), Grain::kNone, {"feature"}, false, 0, Unit::kCredits);
  q.filters.push_back({Dimension::kFolder, {"/prod"}});
  EXPECT_EQ(engine.Run("f", q).total, 7 * kMicrosPerCredit);  // /prod, /prod/eu, /prod/eu/batch; not /prod-x
  q.exclude_direct = true;
  EXPECT_EQ(engine.Run("f", q).total, 6 * kMicrosPerCredit);
  q.filters[0].values = {"/prod/eu/"};
  EXPECT_EQ(engine.Run("f", q).total, 4 * kMicrosPerCredit);
  q.exclude_direct = false;
  q.filters[0].values = {"/prod/eu/batch", "/prod-x"};
  EXPECT_EQ(engine.Run("f", q).total, 12 * kMicrosPerCredit);
  // Grouped by folder, each folder keeps its own (direct) usage.
  q.group_by = {"folder"};
  q.filters[0].values = {"/"};
  const Dataset by_folder = engine.Run("f", q);
  ASSERT_EQ(by_folder.series.size(), 4u);
  EXPECT_EQ(by_folder.series[0].keys[0], "/prod-x");
  EXPECT_EQ(by_folder.total, 15 * kMicrosPerCredit);
}

TEST_F(UsageEngineTest, ZeroSeriesCoverEveryKeyTheStoreHasSeen) {
  auto engine = Engine("berlin", "UTC");
  UsageQuery q = Q(Day("2026-02-20"), Day("2026-02-21"), Grain::kDay, {"feature"}, false, 0, Unit::kCredits);
  ASSERT_EQ(engine.Run("z", q).series.size(), 1u);  // inference only (event 5), in range
  q.zeros = true;
  const Dataset with_zeros = engine.Run("z", q);
  ASSERT_EQ(with_zeros.series.size(), 2u);
  EXPECT_EQ(with_zeros.series[1].keys[0], "storage");
  EXPECT_EQ(with_zeros.series[1].values, (std::vector<std::int64_t>{0, 0}));
  // Kolkata's features never show in Berlin's scope.
  q.group_by = {"workspace"};
  EXPECT_EQ(engine.Run("z", q).series.size(), 1u);
}

TEST_F(UsageEngineTest, ComparisonWithThePreviousPeriodKeepsKeysUsedOnlyBefore) {
  auto engine = Engine(std::nullopt, "UTC");
  UsageQuery q =
      Q(Day("2026-03-01"), Day("2026-03-31"), Grain::kDay, {"workspace"}, false, 0, Unit::kCredits);
  q.compare_with = DayRange{Day("2026-02-01"), Day("2026-02-28")};
  const Dataset march = engine.Run("c", q);
  ASSERT_TRUE(march.previous);
  EXPECT_EQ(march.previous->range.first_day, Day("2026-02-01"));
  EXPECT_EQ(march.previous->range.last_day, Day("2026-02-28"));
  EXPECT_EQ(march.previous->total, 1);  // event 5: one micro-credit on 20 February
  EXPECT_EQ(march.series.size(), 2u);
  EXPECT_EQ(march.series[1].keys[0], "berlin");
  EXPECT_EQ(march.series[1].previous_total, 1);
  // April against March: Kolkata used credits only in March and still gets a series.
  q.first_day = Day("2026-04-01");
  q.last_day = Day("2026-04-30");
  q.compare_with = DayRange{Day("2026-03-01"), Day("2026-03-31")};
  const Dataset april = engine.Run("c", q);
  EXPECT_EQ(april.previous->total, 15'500'000);
  ASSERT_EQ(april.series.size(), 2u);
  EXPECT_EQ(april.series[1].total, 0);
  EXPECT_EQ(april.series[0].previous_total + april.series[1].previous_total, 15'500'000);
}

TEST_F(UsageEngineTest, UnknownDimensionListsTheAcceptedOnes) {
  try {
    Engine(std::nullopt, "UTC").Run("x", Q(1, 2, Grain::kNone, {"colour"}, false, 0, Unit::kCredits));
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

#include "sqlite_connector.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "sqlite_aggregate.h"
#include "support/temp_dir.h"

namespace creditlens::sqlite {
namespace {

using testing::TempDir;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kT0 = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

UsageEvent Event(std::string id, std::int64_t ts, std::string ws, std::string feature, MicroCredits credits,
                 std::string api_key = {}) {
  UsageEvent e;
  e.id = std::move(id);
  e.ts_ms = ts;
  e.workspace_id = std::move(ws);
  e.category = "deploy";
  e.feature = std::move(feature);
  e.credits = credits;
  e.api_key = std::move(api_key);
  return e;
}

class SqliteConnectorTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(connector_); }
  void Open(SqliteConnector& c) {
    ASSERT_TRUE(c.Open({{"path", (dir_ / "store.db").string()},
                        {"cache_mb", "8"},
                        {"busy_timeout_ms", "100"},
                        {"create", "true"}})
                    .ok());
  }
  std::vector<WriteOutcome> Load(std::vector<UsageEvent> events, bool commit = true) {
    EventStore& store = *connector_.Store();
    std::vector<WriteOutcome> outcomes;
    EXPECT_TRUE(store.BeginLoad().ok());
    const Status written = store.WriteBatch(events, outcomes);
    EXPECT_TRUE(written.ok()) << written.message();
    if (commit) {
      EXPECT_TRUE(store.CommitLoad().ok());
    } else {
      store.RollbackLoad();
    }
    return outcomes;
  }
  std::vector<AggregateRow> Aggregate(const AggregateRequest& request) {
    std::vector<AggregateRow> rows;
    const Status status = connector_.Aggregate(request, rows);
    EXPECT_TRUE(status.ok()) << status.message();
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return std::tie(a.bucket_start_ms, a.keys) < std::tie(b.bucket_start_ms, b.keys);
    });
    return rows;
  }
  MicroCredits Total(const AggregateRequest& request) {
    MicroCredits sum = 0;
    for (const auto& row : Aggregate(request)) sum += row.credits;
    return sum;
  }

  // A second, read-only connection to the store, for the plugin's own query paths.
  sqlite3* RawDb() {
    if (!raw_) {
      sqlite3* db = nullptr;
      EXPECT_EQ(sqlite3_open_v2((dir_ / "store.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
      raw_.reset(db);
    }
    return raw_.get();
  }

  TempDir dir_;
  SqliteConnector connector_;
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
  };
  std::unique_ptr<sqlite3, Closer> raw_;
};

TEST_F(SqliteConnectorTest, IngestIsIdempotentOnIdAndFlagsDuplicatesWithinALoad) {
  auto first = Load({Event("a", kT0, "ws1", "f", 1'000'000), Event("b", kT0 + 1, "ws1", "f", 2'000'000),
                     Event("a", kT0 + 2, "ws1", "f", 9'000'000)});
  EXPECT_EQ(first, (std::vector<WriteOutcome>{WriteOutcome::kInserted, WriteOutcome::kInserted,
                                              WriteOutcome::kDuplicateInLoad}));
  auto second = Load({Event("a", kT0, "ws1", "f", 1'000'000), Event("c", kT0, "ws1", "f", 500'000)});
  EXPECT_EQ(second, (std::vector<WriteOutcome>{WriteOutcome::kAlreadyStored, WriteOutcome::kInserted}));
  EXPECT_EQ(Total({kT0, kT0 + kHour, {}, {}, TimeBucket::kNone}), 3'500'000);
}

TEST_F(SqliteConnectorTest, RolledBackLoadLeavesNothing) {
  Load({Event("a", kT0, "ws1", "f", 1'000'000)});
  Load({Event("b", kT0, "ws1", "f", 7'000'000)}, /*commit=*/false);
  EXPECT_EQ(Total({kT0, kT0 + kHour, {}, {}, TimeBucket::kNone}), 1'000'000);
  // The raw events agree with the rollups: the quarter-hour request reads events.
  EXPECT_EQ(Total({kT0, kT0 + kHour, {}, {}, TimeBucket::kQuarterHourUtc}), 1'000'000);
}

TEST_F(SqliteConnectorTest, RollupsAndRawEventsGiveTheSameAnswer) {
  constexpr int kEvents = 500;
  std::vector<UsageEvent> events;
  events.reserve(kEvents);
  for (int i = 0; i < kEvents; ++i) {
    events.push_back(Event("e" + std::to_string(i), kT0 + std::int64_t{i} * 7 * 60'000, i % 3 ? "ws1" : "ws2",
                           i % 2 ? "f1" : "f2", 1'000 + i, i % 5 ? "k1" : ""));
  }
  Load(events);
  const AggregateRequest by_hour{
      kT0, kT0 + 72 * kHour, {}, {Dimension::kWorkspace, Dimension::kFeature}, TimeBucket::kHourUtc};
  ASSERT_TRUE(RollupAnswers(by_hour));
  AggregateRequest raw = by_hour;
  raw.filters.push_back({Dimension::kApiKey, {"k1", ""}});  // matches everything but forces the raw path
  ASSERT_FALSE(RollupAnswers(raw));
  const auto from_rollup = Aggregate(by_hour);
  const auto from_events = Aggregate(raw);
  ASSERT_EQ(from_rollup.size(), from_events.size());
  for (std::size_t i = 0; i < from_rollup.size(); ++i) {
    EXPECT_EQ(from_rollup[i].bucket_start_ms, from_events[i].bucket_start_ms);
    EXPECT_EQ(from_rollup[i].keys, from_events[i].keys);
    EXPECT_EQ(from_rollup[i].credits, from_events[i].credits);
    EXPECT_EQ(from_rollup[i].events, from_events[i].events);
  }
  MicroCredits expected = 0;
  for (const auto& e : events) expected += e.credits;
  EXPECT_EQ(Total(by_hour), expected);
}

TEST_F(SqliteConnectorTest, RangesOffTheHourTakeWholeHoursFromRollupsAndEndsFromChunks) {
  constexpr int kEvents = 400;
  constexpr std::int64_t kMinute = 60'000;
  std::vector<UsageEvent> events;
  events.reserve(kEvents);
  for (int i = 0; i < kEvents; ++i) {
    events.push_back(Event("q" + std::to_string(i), kT0 + std::int64_t{i} * 11 * kMinute,
                           i % 2 ? "ws1" : "ws2", i % 3 ? "f1" : "f2", 1'000 + i));
  }
  Load(events);
  constexpr std::int64_t kHalfHour = kHour / 2;
  for (const TimeBucket bucket : {TimeBucket::kNone, TimeBucket::kHourUtc}) {
    for (const auto& [from, to] : {std::pair(kT0 + kHalfHour, kT0 + 50 * kHour + kHalfHour),  // both ends off
                                   std::pair(kT0, kT0 + 30 * kHour + 17 * kMinute),           // the end off
                                   std::pair(kT0 + kHalfHour, kT0 + kHour)}) {                // no whole hour
      AggregateRequest request{from, to, {}, {Dimension::kWorkspace, Dimension::kFeature}, bucket};
      ASSERT_FALSE(RollupAnswers(request));
      std::vector<AggregateRow> expected;
      AggregateChunks(RawDb(), request, expected);  // every event decoded
      std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
        return std::tie(a.bucket_start_ms, a.keys) < std::tie(b.bucket_start_ms, b.keys);
      });
      const auto split = Aggregate(request);
      ASSERT_EQ(split.size(), expected.size());
      for (std::size_t i = 0; i < split.size(); ++i) {
        EXPECT_EQ(split[i].bucket_start_ms, expected[i].bucket_start_ms);
        EXPECT_EQ(split[i].keys, expected[i].keys);
        EXPECT_EQ(split[i].credits, expected[i].credits);
        EXPECT_EQ(split[i].events, expected[i].events);
      }
    }
  }
}

TEST_F(SqliteConnectorTest, FilterValuesAreBoundNotSpliced) {
  const std::string hostile = "ws1' OR '1'='1'; DROP TABLE events; --";
  Load({Event("a", kT0, "ws1", "f", 1'000'000), Event("b", kT0, hostile, "f", 2'000'000)});
  EXPECT_EQ(Total({kT0, kT0 + kHour, {{Dimension::kWorkspace, {hostile}}}, {}, TimeBucket::kNone}),
            2'000'000);
  EXPECT_EQ(Total({kT0, kT0 + kHour, {{Dimension::kWorkspace, {"ws1"}}}, {}, TimeBucket::kNone}), 1'000'000);
  EXPECT_EQ(Total({kT0, kT0 + kHour, {}, {}, TimeBucket::kQuarterHourUtc}),
            3'000'000);  // events table intact
}

TEST_F(SqliteConnectorTest, AccountsRoundTrip) {
  Workspace w;
  w.id = "ws'1";
  w.name = "Acme; --";
  w.kind = WorkspaceKind::kPersonal;
  w.timezone = "Asia/Kolkata";
  w.price_per_credit = "0.008";
  w.flex_enabled = true;
  w.flex_threshold = 5'000'000'000;
  w.members_count = 3;
  w.subscriptions.push_back({"core", kT0, kT0 + 100 * kHour, BillingCycle::kMonthly, 1'000'000'000, "0.012"});
  w.subscriptions.push_back(
      {"pro", kT0 + 100 * kHour, std::nullopt, BillingCycle::kAnnual, 12'000'000'000, "0.01"});
  w.credit_grants.push_back({"g1", "prepaid", 500'000'000, "4.6", kT0, kT0 + 1000 * kHour, 50});
  EventStore& store = *connector_.Store();
  ASSERT_TRUE(store.BeginLoad().ok());
  ASSERT_TRUE(store.UpsertAccounts({w}).ok());
  ASSERT_TRUE(store.CommitLoad().ok());

  SqliteConnector reopened;
  Open(reopened);
  std::vector<Workspace> read;
  ASSERT_TRUE(reopened.LoadAccounts(read).ok());
  ASSERT_EQ(read.size(), 1u);
  const Workspace& r = read[0];
  EXPECT_EQ(r.id, w.id);
  EXPECT_EQ(r.name, w.name);
  EXPECT_EQ(r.kind, WorkspaceKind::kPersonal);
  EXPECT_EQ(r.timezone, "Asia/Kolkata");
  EXPECT_EQ(r.price_per_credit, "0.008");
  EXPECT_TRUE(r.flex_enabled);
  EXPECT_EQ(r.flex_threshold, 5'000'000'000);
  EXPECT_EQ(r.members_count, 3);
  EXPECT_FALSE(r.members_limit);
  ASSERT_EQ(r.subscriptions.size(), 2u);
  EXPECT_EQ(r.subscriptions[1].plan, "pro");
  EXPECT_EQ(r.subscriptions[1].cycle, BillingCycle::kAnnual);
  EXPECT_FALSE(r.subscriptions[1].ends_at_ms);
  EXPECT_EQ(r.subscriptions[0].ends_at_ms, kT0 + 100 * kHour);
  ASSERT_EQ(r.credit_grants.size(), 1u);
  EXPECT_EQ(r.credit_grants[0].price, "4.6");
  EXPECT_EQ(r.credit_grants[0].priority, 50);
}

TEST(SqliteConnector, AMissingStoreIsCreatedOnlyWhenAsked) {
  testing::TempDir dir;
  const std::string path = (dir / "absent.db").string();
  SqliteConnector reader;
  const Status status =
      reader.Open({{"path", path}, {"cache_mb", "8"}, {"busy_timeout_ms", "10"}, {"create", "false"}});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "store '" + path + "' does not exist (creditlens ingest creates it)");
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SqliteConnector, UnopenableStoreIsAClearError) {
  SqliteConnector connector;
  const Status status = connector.Open({{"path", "/nonexistent-dir/x/store.db"},
                                        {"cache_mb", "8"},
                                        {"busy_timeout_ms", "10"},
                                        {"create", "true"}});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent-dir/x/store.db"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace creditlens::sqlite

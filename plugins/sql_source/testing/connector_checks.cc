// Every expectation here comes from usage_fixture.cc's brute force, never from SQL.
#include "connector_checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "fixture_loader.h"
#include "result_reader.h"
#include "usage_fixture.h"

namespace creditlens::sql::testing {
namespace {

std::vector<AggregateRow> Run(SourceConnector& connector, const AggregateRequest& request) {
  std::vector<AggregateRow> rows;
  const Status status = connector.Aggregate(request, rows);
  EXPECT_TRUE(status.ok()) << status.message();
  return rows;
}

void ExpectAggregate(SourceConnector& connector, const AggregateRequest& request, const char* what) {
  const std::vector<AggregateRow> rows = Run(connector, request);
  const auto expected = ExpectedAggregate(request);
  EXPECT_EQ(rows.size(), expected.size()) << what << ": one row per group";
  EXPECT_TRUE(AsMap(rows) == expected) << what;
}

AggregateRequest Whole() {
  AggregateRequest r;
  r.from_ms = kFromMs;
  r.to_ms = kToMs;
  return r;
}

std::map<std::string, UsageEvent> List(SourceConnector& connector, const EventQuery& query) {
  std::map<std::string, UsageEvent> events;
  const Status status = connector.ListEvents(query, [&](const UsageEvent& e) {
    EXPECT_TRUE(events.emplace(e.id, e).second) << "listed twice: " << e.id;
    return true;
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return events;
}

void ExpectSameEvent(const UsageEvent& got, const UsageEvent& want) {
  EXPECT_EQ(got.ts_ms, want.ts_ms) << want.id;
  EXPECT_EQ(got.workspace_id, want.workspace_id) << want.id;
  EXPECT_EQ(got.category, want.category) << want.id;
  EXPECT_EQ(got.feature, want.feature) << want.id;
  EXPECT_EQ(got.credits, want.credits) << want.id;
  EXPECT_EQ(got.quantity, want.quantity) << want.id;
  EXPECT_EQ(got.unit, want.unit) << want.id;
  EXPECT_EQ(got.folder, want.folder) << want.id;
  EXPECT_EQ(got.api_key, want.api_key) << want.id;
  EXPECT_EQ(got.user_id, want.user_id) << want.id;
  EXPECT_EQ(got.source, want.source) << want.id;
  EXPECT_EQ(got.run_id, want.run_id) << want.id;
  EXPECT_EQ(got.module, want.module) << want.id;
  EXPECT_EQ(got.data_bytes, want.data_bytes) << want.id;
}

void ExpectSameWorkspace(const Workspace& got, const Workspace& want) {
  EXPECT_EQ(got.name, want.name) << want.id;
  EXPECT_EQ(got.kind, want.kind) << want.id;
  EXPECT_EQ(got.timezone, want.timezone) << want.id;
  EXPECT_EQ(got.billing_email, want.billing_email) << want.id;
  EXPECT_EQ(got.price_per_credit, want.price_per_credit) << want.id;
  EXPECT_EQ(got.flex_enabled, want.flex_enabled) << want.id;
  EXPECT_EQ(got.flex_threshold, want.flex_threshold) << want.id;
  EXPECT_EQ(got.members_limit, want.members_limit) << want.id;
  EXPECT_EQ(got.members_count, want.members_count) << want.id;
  ASSERT_EQ(got.subscriptions.size(), want.subscriptions.size()) << want.id;
  for (std::size_t i = 0; i < want.subscriptions.size(); ++i) {
    const Subscription& g = got.subscriptions[i];
    const Subscription& w = want.subscriptions[i];
    EXPECT_EQ(g.plan, w.plan);
    EXPECT_EQ(g.starts_at_ms, w.starts_at_ms);
    EXPECT_EQ(g.ends_at_ms, w.ends_at_ms);
    EXPECT_EQ(g.cycle, w.cycle);
    EXPECT_EQ(g.included_credits, w.included_credits);
    EXPECT_EQ(g.flex_price_per_credit, w.flex_price_per_credit);
  }
  ASSERT_EQ(got.credit_grants.size(), want.credit_grants.size()) << want.id;
  for (std::size_t i = 0; i < want.credit_grants.size(); ++i) {
    const CreditGrant& g = got.credit_grants[i];
    const CreditGrant& w = want.credit_grants[i];
    EXPECT_EQ(g.id, w.id);
    EXPECT_EQ(g.kind, w.kind);
    EXPECT_EQ(g.credits, w.credits);
    EXPECT_EQ(g.price, w.price);
    EXPECT_EQ(g.available_from_ms, w.available_from_ms);
    EXPECT_EQ(g.expires_at_ms, w.expires_at_ms);
    EXPECT_EQ(g.priority, w.priority);
  }
}

}  // namespace

void CheckAccounts(SourceConnector& connector) {
  std::vector<Workspace> got;
  const Status status = connector.LoadAccounts(got);
  ASSERT_TRUE(status.ok()) << status.message();
  std::vector<Workspace> want = FixtureAccounts();
  const auto by_id = [](const Workspace& a, const Workspace& b) { return a.id < b.id; };
  std::sort(got.begin(), got.end(), by_id);
  std::sort(want.begin(), want.end(), by_id);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    ASSERT_EQ(got[i].id, want[i].id);
    ExpectSameWorkspace(got[i], want[i]);
  }
}

void CheckAggregates(SourceConnector& connector) {
  AggregateRequest total = Whole();
  ExpectAggregate(connector, total, "whole range, no groups");
  std::int64_t micro = 0;
  for (const FixtureEvent& e : FixtureEvents()) micro += e.credits_milli * 1000;
  const auto rows = Run(connector, total);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].credits, micro);
  EXPECT_EQ(rows[0].events, static_cast<std::int64_t>(FixtureEvents().size()));

  AggregateRequest hourly = Whole();
  hourly.bucket = TimeBucket::kHourUtc;
  hourly.group_by = {Dimension::kWorkspace, Dimension::kFeature};
  ExpectAggregate(connector, hourly, "hourly by workspace and feature");

  AggregateRequest quarter = Whole();
  quarter.bucket = TimeBucket::kQuarterHourUtc;
  quarter.group_by = {Dimension::kFolder, Dimension::kCategory};
  ExpectAggregate(connector, quarter, "quarter-hourly by folder (NULL and '' are one group) and category");

  AggregateRequest edges;
  edges.from_ms =
      kFromMs + 3600000 - 1;  // the last millisecond of the first hour, and the first of the second
  edges.to_ms = kFromMs + 3600000 + 1;
  edges.bucket = TimeBucket::kHourUtc;
  ExpectAggregate(connector, edges, "bucket edges");
  EXPECT_EQ(Run(connector, edges).size(), 2u);

  AggregateRequest every = Whole();
  every.group_by = {Dimension::kApiKey, Dimension::kUser, Dimension::kSource, Dimension::kRun,
                    Dimension::kModule};
  ExpectAggregate(connector, every, "by api key, user, source, run, module");

  AggregateRequest filtered = Whole();
  filtered.filters = {{Dimension::kCategory, {"data", "deploy"}}, {Dimension::kFolder, {"", "/prod/eu"}}};
  filtered.group_by = {Dimension::kWorkspace};
  ExpectAggregate(connector, filtered, "filtered by category and folder (\"\" matches NULL)");

  AggregateRequest none = Whole();
  none.filters = {{Dimension::kWorkspace, {}}};
  EXPECT_TRUE(Run(connector, none).empty());
  AggregateRequest empty_range = Whole();
  empty_range.from_ms = kToMs;
  empty_range.to_ms = kToMs + 86400000;
  EXPECT_TRUE(Run(connector, empty_range).empty());
}

void CheckListEvents(SourceConnector& connector) {
  EventQuery all;
  all.from_ms = kFromMs;
  all.to_ms = kToMs;
  const auto listed = List(connector, all);
  const auto fixture = FixtureEvents();
  ASSERT_EQ(listed.size(), fixture.size());
  for (const FixtureEvent& e : fixture) {
    const auto it = listed.find(e.id);
    ASSERT_NE(it, listed.end()) << e.id;
    ExpectSameEvent(it->second, ExpectedEvent(e));
  }

  EventQuery some = all;
  some.from_ms = kFromMs + 86400000;
  some.filters = {{Dimension::kUser, {"ana", ""}}, {Dimension::kApiKey, {"key-1", "key-2"}}};
  std::size_t expected = 0;
  for (const FixtureEvent& e : fixture) {
    const bool user = !e.user || *e.user == "ana";
    expected += e.ts_ms >= some.from_ms && user && (e.api_key == "key-1" || e.api_key == "key-2");
  }
  EXPECT_EQ(List(connector, some).size(), expected);

  int seen = 0;
  const Status stopped = connector.ListEvents(all, [&](const UsageEvent&) { return ++seen < 5; });
  EXPECT_TRUE(stopped.ok()) << stopped.message();
  EXPECT_EQ(seen, 5) << "returning false stops the listing";
  EXPECT_EQ(List(connector, all).size(), fixture.size()) << "the connection serves again after a stop";
}

void CheckHostileValues(SourceConnector& connector, Poco::Data::Session& admin,
                        const std::string& events_table, const std::string& orgs_table) {
  AggregateRequest hostile = Whole();
  hostile.filters = {{Dimension::kWorkspace, {kHostileWorkspace}}};
  hostile.group_by = {Dimension::kWorkspace, Dimension::kUser, Dimension::kFolder};
  ExpectAggregate(connector, hostile, "the hostile workspace, by user and folder");
  EXPECT_FALSE(Run(connector, hostile).empty());

  for (const std::vector<std::string>& values :
       std::vector<std::vector<std::string>>{{"x' OR '1'='1"},
                                             {"' OR 1=1 --"},
                                             {"ws-a'; DELETE FROM usage_log; --"},
                                             {"ws-a' /*", "*/ OR '1'='1"},
                                             {"ws-a\\'"},
                                             {"ws-a\"; DROP TABLE orgs; --"},
                                             {"%"},
                                             {"ws-_"}}) {
    AggregateRequest attempt = Whole();
    attempt.filters = {{Dimension::kWorkspace, values}};
    EXPECT_TRUE(Run(connector, attempt).empty()) << values[0] << " matched something";
    EventQuery listing;
    listing.from_ms = kFromMs;
    listing.to_ms = kToMs;
    listing.filters = {{Dimension::kWorkspace, values}};
    EXPECT_TRUE(List(connector, listing).empty()) << values[0] << " listed something";
  }

  AggregateRequest users = Whole();
  users.filters = {{Dimension::kUser, {"' OR '1'='1", "bo\"b"}},
                   {Dimension::kFolder, {"/it's; --/x", "/*comment*/"}}};
  users.group_by = {Dimension::kUser, Dimension::kFolder};
  ExpectAggregate(connector, users, "users and folders with quotes and comment markers");
  EXPECT_FALSE(Run(connector, users).empty());

  EXPECT_EQ(CountRows(admin, events_table), std::ssize(FixtureEvents()));
  EXPECT_EQ(CountRows(admin, orgs_table), std::ssize(FixtureAccounts()));
}

void CheckWrongPassword(SourceConnector& connector, Settings settings, const std::string& expected_start,
                        const std::string& reason) {
  const char* wrong = "wrong pass'word";
  ::setenv("CL_TEST_WRONG_PASSWORD", wrong, 1);
  settings["password_env"] = "CL_TEST_WRONG_PASSWORD";
  settings["password_file"] = "";
  const std::string message = OpenError(connector, settings);
  EXPECT_TRUE(message.starts_with(expected_start)) << message;
  EXPECT_NE(message.find(reason), std::string::npos) << message;
  EXPECT_EQ(message.find("wrong pass"), std::string::npos) << message;
}

void CheckChunkedReading(Poco::Data::Session& session, const SqlDialect& dialect,
                         const std::string& events_table) {
  SqlQuery query(dialect);
  query.text = "SELECT " + dialect.Text("event_uuid") + " FROM " + events_table +
               " WHERE amount_milli >= " + dialect.Int64(query.Bind(std::int64_t{0}));
  const ColumnKind kinds[] = {ColumnKind::kText};
  std::size_t rows = 0, chunks = 0;
  std::set<std::string> ids;
  ForEachChunk(
      session, query, kinds,
      [&](const ResultChunk& chunk) {
        EXPECT_LE(chunk.rows(), 7u);
        // A cursor lives in the transaction ForEachChunk opens for it; streaming needs none.
        EXPECT_EQ(session.isTransaction(), dialect.ListsThroughCursor());
        for (std::size_t r = 0; r < chunk.rows(); ++r) ids.insert(chunk.Text(0, r));
        rows += chunk.rows();
        ++chunks;
        return true;
      },
      7);
  const std::size_t events = FixtureEvents().size();
  EXPECT_EQ(rows, events);
  EXPECT_EQ(ids.size(), events);
  EXPECT_EQ(chunks, (events + 6) / 7);
  std::size_t stopped = 0;
  ForEachChunk(
      session, query, kinds, [&](const ResultChunk&) { return ++stopped < 2; }, 7);
  EXPECT_EQ(stopped, 2u);
}

Settings SourceSettings(const std::string& uri, const std::string& mapping, const std::string& password_env) {
  return {{"uri", uri},
          {"mapping", mapping},
          {"password_env", password_env},
          {"password_file", ""},
          {"connect_timeout_s", "5"}};
}

std::string OpenError(SourceConnector& connector, const Settings& settings) {
  const Status status = connector.Open(settings);
  return status.ok() ? "" : status.message();
}

std::string WithAccountsFile(const std::string& mapping, const std::string& path) {
  return mapping.substr(0, mapping.find("\"accounts\"")) + R"("accounts": { "file": ")" + path + "\" } }";
}

std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace creditlens::sql::testing

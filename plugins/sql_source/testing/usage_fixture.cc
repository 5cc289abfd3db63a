// The fixture: a deterministic pseudo-random generator, so every run and every server sees the same
// events, and brute-force answers.
#include "usage_fixture.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace creditlens::sql::testing {
namespace {

// A small linear congruential generator: the same sequence everywhere.
class Lcg {
 public:
  std::uint64_t Next(std::uint64_t bound) {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state_ >> 33) % bound;
  }

 private:
  std::uint64_t state_ = 42;
};

template <typename T>
const T& Pick(Lcg& rng, const std::vector<T>& options) {
  return options[rng.Next(options.size())];
}

std::string FieldOf(const FixtureEvent& e, Dimension d) {
  switch (d) {
    case Dimension::kWorkspace:
      return e.workspace;
    case Dimension::kCategory:
      return e.category;
    case Dimension::kFeature:
      return e.feature;
    case Dimension::kFolder:
      return e.folder.value_or("");
    case Dimension::kApiKey:
      return e.api_key.value_or("");
    case Dimension::kUser:
      return e.user.value_or("");
    case Dimension::kSource:
      return e.source.value_or("");
    case Dimension::kRun:
      return e.run.value_or("");
    case Dimension::kModule:
      break;
  }
  return e.module.value_or("");
}

}  // namespace

std::vector<FixtureEvent> FixtureEvents() {
  Lcg rng;
  const std::vector<std::string> workspaces = {"ws-a", "ws-b", kHostileWorkspace};
  const std::vector<std::pair<std::string, std::string>> features = {
      {"data", "ingest"}, {"data", "storage"}, {"train", "gpu_hours"}, {"deploy", "inference_hosted"}};
  const std::vector<std::optional<std::string>> folders = {"/prod/eu",   "/prod/us",    "",
                                                           std::nullopt, "/it's; --/x", "/*comment*/"};
  const std::vector<std::optional<std::string>> users = {"ana", "bo\"b", std::nullopt, "' OR '1'='1"};
  std::vector<FixtureEvent> events;
  for (int i = 0; i < 300; ++i) {
    FixtureEvent e;
    e.id = "ev-" + std::to_string(i) + (i % 17 == 0 ? "'--" : "");
    e.ts_ms = kFromMs + static_cast<std::int64_t>(rng.Next(3 * 86400000ULL));
    e.workspace = Pick(rng, workspaces);
    const auto& [category, feature] = Pick(rng, features);
    e.category = category;
    e.feature = feature;
    e.credits_milli = static_cast<std::int64_t>(rng.Next(50000));  // up to 50 credits, 3 decimals
    e.folder = Pick(rng, folders);
    e.user = Pick(rng, users);
    if (rng.Next(3) != 0) e.api_key = "key-" + std::to_string(rng.Next(4));
    if (rng.Next(2) == 0) e.source = "workflow-" + std::to_string(rng.Next(3));
    if (e.source) e.run = "run-" + std::to_string(i / 10);
    if (e.source) e.module = "step-" + std::to_string(rng.Next(2));
    if (rng.Next(4) != 0) {
      e.quantity_milli = static_cast<std::int64_t>(rng.Next(1000000));
      e.unit = "calls";
    }
    if (rng.Next(2) == 0) e.bytes = static_cast<std::int64_t>(rng.Next(1ULL << 40));
    events.push_back(std::move(e));
  }
  // Longer than drivers' default field buffers (Poco's ODBC default is 1024 bytes).
  events[5].folder = "/long/" + std::string(3000, 'x') + "/\xC3\xA9t\xC3\xA9";
  events[6].user = "\xE2\x82\xAC \xF0\x9F\x98\x80";  // non-ASCII: a euro sign and an emoji
  // Exactly on the edges of the range and of the buckets.
  events[0].ts_ms = kFromMs;
  events[1].ts_ms = kToMs - 1;
  events[2].ts_ms = kFromMs + 3600000;
  events[3].ts_ms = kFromMs + 3600000 - 1;
  return events;
}

std::vector<Workspace> FixtureAccounts() {
  Workspace a;
  a.id = "ws-a";
  a.name = "Acme Vision";
  a.kind = WorkspaceKind::kTeam;
  a.timezone = "Europe/Berlin";
  a.billing_email = "billing@acme.test";
  a.price_per_credit = "0.01";
  a.flex_enabled = true;
  a.flex_threshold = 5000 * kMicrosPerCredit;
  a.members_limit = 10;
  a.members_count = 7;
  a.subscriptions.push_back(
      {"core", 1762819200000, std::nullopt, BillingCycle::kMonthly, 1000 * kMicrosPerCredit, "0.012"});
  a.credit_grants.push_back(
      {"g1", "prepaid", 500 * kMicrosPerCredit, "4.6", 1768003200000, 1799539200000, 50});
  a.credit_grants.push_back({"g2", "promotional", 12'500'000, "0", 1768003200000, std::nullopt, 100});

  Workspace b;
  b.id = "ws-b";
  b.name = "ws-b";  // NULL name reads as the id
  b.kind = WorkspaceKind::kPersonal;
  b.timezone = "UTC";
  b.price_per_credit = "0";
  b.subscriptions.push_back(
      {"starter", 1735689600000, 1767225600000, BillingCycle::kAnnual, 12000 * kMicrosPerCredit, "0"});
  b.subscriptions.push_back(
      {"core", 1767225600000, std::nullopt, BillingCycle::kMonthly, 1000 * kMicrosPerCredit, "0.0125"});

  Workspace hostile;
  hostile.id = kHostileWorkspace;
  hostile.name = "Robert'); DROP TABLE orgs; --";
  hostile.timezone = "America/New_York";
  hostile.billing_email = "x@y.test";
  hostile.price_per_credit = "0.02";
  return {a, b, hostile};
}

std::string SqlUtcTimestamp(std::int64_t epoch_ms) {
  const std::time_t seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%03d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(epoch_ms % 1000));
  return text;
}

std::map<Key, Totals> ExpectedAggregate(const AggregateRequest& request) {
  const std::int64_t step = request.bucket == TimeBucket::kHourUtc          ? 3600000
                            : request.bucket == TimeBucket::kQuarterHourUtc ? 900000
                                                                            : 0;
  std::map<Key, Totals> out;
  for (const FixtureEvent& e : FixtureEvents()) {
    if (e.ts_ms < request.from_ms || e.ts_ms >= request.to_ms) continue;
    const bool kept =
        std::all_of(request.filters.begin(), request.filters.end(), [&](const DimensionFilter& f) {
          return std::find(f.values.begin(), f.values.end(), FieldOf(e, f.dimension)) != f.values.end();
        });
    if (!kept) continue;
    std::vector<std::string> keys;
    for (const Dimension d : request.group_by) keys.push_back(FieldOf(e, d));
    Totals& totals = out[{step ? e.ts_ms / step * step : 0, keys}];
    totals.micro += e.credits_milli * 1000;
    ++totals.events;
  }
  return out;
}

std::map<Key, Totals> AsMap(const std::vector<AggregateRow>& rows) {
  std::map<Key, Totals> out;
  for (const AggregateRow& row : rows) {
    Totals& totals = out[{row.bucket_start_ms, row.keys}];
    totals.micro += row.credits;
    totals.events += row.events;
  }
  return out;
}

UsageEvent ExpectedEvent(const FixtureEvent& e) {
  UsageEvent u;
  u.id = e.id;
  u.ts_ms = e.ts_ms;
  u.workspace_id = e.workspace;
  u.category = e.category;
  u.feature = e.feature;
  u.credits = e.credits_milli * 1000;
  if (e.quantity_milli) u.quantity = *e.quantity_milli * 1000;
  u.unit = e.unit.value_or("");
  u.folder = e.folder.value_or("");
  u.api_key = e.api_key.value_or("");
  u.user_id = e.user.value_or("");
  u.source = e.source.value_or("");
  u.run_id = e.run.value_or("");
  u.module = e.module.value_or("");
  u.data_bytes = e.bytes;
  return u;
}

std::string FixtureMapping(const std::string& events_table, const std::string& orgs_table,
                           const std::string& plans_table, const std::string& bundles_table) {
  return R"({ "events": { "table": ")" + events_table + R"(", "ts_type": "timestamp",
      "columns": { "id": "event_uuid", "ts": "created_at", "workspace_id": "org_id", "category": "kind",
                   "feature": "feature_name", "credits": "amount_milli / 1000.0", "folder": "folder_path",
                   "api_key": "key_name", "user_id": "member", "source": "workflow", "run_id": "run",
                   "module": "step", "quantity": "qty_milli / 1000.0", "unit": "unit_name",
                   "data_bytes": "bytes" } },
    "accounts": {
      "workspaces": { "table": ")" +
         orgs_table + R"(", "columns": { "id": "org_id", "name": "org_name",
          "kind": "org_kind", "timezone": "tz", "billing_email": "email", "price_per_credit": "price",
          "flex_enabled": "flex", "flex_threshold": "flex_cap", "members_limit": "seats", "members_count": "seated" } },
      "subscriptions": { "table": ")" +
         plans_table + R"(", "columns": { "workspace_id": "org", "plan": "plan_name",
          "starts_at": "began", "ends_at": "ended", "cycle": "period", "included_credits": "included",
          "flex_price_per_credit": "flex_price" } },
      "credit_grants": { "table": ")" +
         bundles_table + R"(", "columns": { "workspace_id": "org", "id": "bundle_id",
          "kind": "bundle_kind", "credits": "amount", "price": "cost", "available_from": "valid_from",
          "expires_at": "valid_to", "priority": "prio" } } } })";
}

}  // namespace creditlens::sql::testing

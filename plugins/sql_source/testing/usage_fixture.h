// A small fixed data set for the SQL source tests, in a NON-canonical shape (credits as integer
// milli-credits, NULLs in optional columns, hostile strings in ids, folders and names), with the
// answers computed here in C++, independently of any SQL: each server's test loads it through its
// own DDL and checks a connector against these numbers.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "creditlens/accounts.h"
#include "creditlens/source_connector.h"

namespace creditlens::sql::testing {

struct FixtureEvent {
  std::string id;
  std::int64_t ts_ms = 0;
  std::string workspace;
  std::string category;
  std::string feature;
  std::int64_t credits_milli = 0;
  std::optional<std::string> folder, api_key, user, source, run, module, unit;
  std::optional<std::int64_t> quantity_milli;
  std::optional<std::int64_t> bytes;
};

// The workspace whose id is an injection attempt; it has events like the others.
inline constexpr const char* kHostileWorkspace = "ws'; DROP TABLE usage_log; --";

std::vector<FixtureEvent> FixtureEvents();
// The accounts the fixture's account tables hold, as LoadAccounts must return them (in any order).
std::vector<Workspace> FixtureAccounts();

// "2026-03-01 00:15:00.250" (UTC), for INSERTs of timestamp columns.
std::string SqlUtcTimestamp(std::int64_t epoch_ms);

// The fixture's time span: every event lies in [kFromMs, kToMs).
inline constexpr std::int64_t kFromMs = 1772323200000;  // 2026-03-01T00:00:00Z
inline constexpr std::int64_t kToMs = kFromMs + 3 * 86400000;

// Expected aggregates, computed by brute force over FixtureEvents().
using Key = std::tuple<std::int64_t, std::vector<std::string>>;  // bucket start, keys
struct Totals {
  std::int64_t micro = 0;
  std::int64_t events = 0;
  bool operator==(const Totals&) const = default;
};
std::map<Key, Totals> ExpectedAggregate(const AggregateRequest& request);
std::map<Key, Totals> AsMap(const std::vector<AggregateRow>& rows);

// The event as the connector must list it (NULL -> "" / nothing, milli -> micro).
UsageEvent ExpectedEvent(const FixtureEvent& e);

// The mapping JSON of the fixture's tables; table names and ts_type given per server.
std::string FixtureMapping(const std::string& events_table, const std::string& orgs_table,
                           const std::string& plans_table, const std::string& bundles_table);

}  // namespace creditlens::sql::testing

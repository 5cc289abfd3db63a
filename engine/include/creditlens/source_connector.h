// The interface every source plugin implements: where usage events and accounts are read from,
// and, for stores that accept them, written to. Methods are noexcept and report failure through
// Status; plugins wrap their bodies in Guard() so that no exception crosses the library boundary.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "creditlens/accounts.h"
#include "creditlens/credits.h"
#include "creditlens/plugin_api.h"
#include "creditlens/plugin_settings.h"
#include "creditlens/status.h"
#include "creditlens/usage_event.h"

namespace creditlens {

// Attribution dimensions a query can group or filter by.
enum class Dimension { kWorkspace, kCategory, kFeature, kFolder, kApiKey, kUser, kSource, kRun, kModule };

// Time buckets a source returns; the engine turns them into local days, weeks and months.
// Quarter hours are the coarsest UTC grid on which every time zone's midnight falls.
enum class TimeBucket { kNone, kHourUtc, kQuarterHourUtc };

struct DimensionFilter {
  Dimension dimension = Dimension::kWorkspace;
  std::vector<std::string> values;  // match any
};

struct AggregateRequest {
  std::int64_t from_ms = 0;              // inclusive, UTC
  std::int64_t to_ms = 0;                // exclusive, UTC
  std::vector<DimensionFilter> filters;  // all must match
  std::vector<Dimension> group_by;
  TimeBucket bucket = TimeBucket::kNone;
};

struct AggregateRow {
  std::int64_t bucket_start_ms = 0;  // 0 when the request has TimeBucket::kNone
  std::vector<std::string> keys;     // one per AggregateRequest::group_by entry, in order
  MicroCredits credits = 0;
  std::int64_t events = 0;
};

// Raw events in a time range, for listings (the audit log) and per-run statistics that aggregates do
// not carry. Events come in no particular order.
struct EventQuery {
  std::int64_t from_ms = 0;              // inclusive, UTC
  std::int64_t to_ms = 0;                // exclusive, UTC
  std::vector<DimensionFilter> filters;  // all must match
};

// Receives each matching event; returning false stops the listing early.
using EventSink = std::function<bool(const UsageEvent&)>;

// What became of one event handed to EventStore::WriteBatch.
enum class WriteOutcome : std::uint8_t {
  kInserted,
  kAlreadyStored,    // an earlier load stored this id: ingest is idempotent
  kDuplicateInLoad,  // this load already wrote this id
};

// A store that accepts events. One load is one transaction: nothing of it is visible, and nothing
// of it remains, unless CommitLoad succeeds.
class EventStore {
 public:
  virtual ~EventStore() = default;
  virtual Status BeginLoad() noexcept = 0;
  // Replaces each given workspace (with its subscriptions and grants) inside the current load.
  virtual Status UpsertAccounts(const std::vector<Workspace>& workspaces) noexcept = 0;
  // outcomes receives one entry per event, in order.
  virtual Status WriteBatch(std::span<const UsageEvent> events,
                            std::vector<WriteOutcome>& outcomes) noexcept = 0;
  virtual Status CommitLoad() noexcept = 0;
  virtual void RollbackLoad() noexcept = 0;
};

struct ConnectorInfo : PluginInfo {
  std::vector<std::string> uri_schemes;  // "sqlite" serves --source sqlite:PATH
};

class SourceConnector {
 public:
  virtual ~SourceConnector() = default;
  virtual ConnectorInfo Describe() const noexcept = 0;
  // settings holds every declared setting, validated and with defaults filled in.
  virtual Status Open(const Settings& settings) noexcept = 0;
  virtual Status LoadAccounts(std::vector<Workspace>& workspaces) noexcept = 0;
  virtual Status Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) noexcept = 0;
  virtual Status ListEvents(const EventQuery& query, const EventSink& sink) noexcept = 0;
  // The store side of this connector, or nullptr for a read-only source. Owned by the connector.
  virtual EventStore* Store() noexcept { return nullptr; }
};

}  // namespace creditlens

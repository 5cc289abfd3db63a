// Usage queries as reports ask them: a range of local days, a time grain, attribution dimensions,
// filters, cumulative totals, top-N and credits or dollars. Results are exact (micro-units).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "creditlens/source_connector.h"
#include "model/time_zone.h"
#include "query/day_range.h"

namespace creditlens::query {

enum class Grain { kNone, kHour, kDay, kWeek, kMonth };
enum class Unit { kCredits, kDollars };

struct UsageQuery {
  std::int32_t first_day = 0;  // local days, inclusive
  std::int32_t last_day = 0;
  Grain grain = Grain::kNone;
  // Dimension names: workspace, category, feature, folder, api_key, user, source, run, module, and
  // kind (team or personal, from the workspace).
  std::vector<std::string> group_by;
  // Every filter must match; a folder filter matches its folders and everything below them.
  std::vector<DimensionFilter> filters;
  bool cumulative = false;
  std::size_t top = 0;  // keep the top N series by total, the rest summed as "other"; 0 keeps all
  Unit unit = Unit::kCredits;
  bool exclude_direct = false;  // with a folder filter: only the subfolders, not the folders' own usage
  bool zeros = false;           // a zero series for every key the store has seen, used in range or not
  // Also total this period (the one before the range, see day_range.h PreviousPeriod) per series.
  std::optional<DayRange> compare_with;
};

struct Series {
  std::vector<std::string> keys;     // one per group_by entry
  std::string label;                 // what a chart shows: keys joined, workspace names for workspaces
  std::vector<std::int64_t> values;  // micro-credits or micro-dollars, one per bucket
  std::int64_t total = 0;            // sum over buckets (the last value when cumulative)
  std::int64_t events = 0;
  std::int64_t previous_total = 0;  // in the compared period, when the query compares
};

struct ComparedPeriod {
  DayRange range;
  std::int64_t total = 0;
  std::int64_t events = 0;
};

struct Dataset {
  std::string name;
  Grain grain = Grain::kNone;
  Unit unit = Unit::kCredits;
  std::vector<std::string> group_by;
  std::vector<std::string> buckets;  // labels of the time buckets; one empty label when grain is none
  std::vector<Series> series;        // sorted by total, largest first
  std::int64_t total = 0;
  std::int64_t events = 0;
  std::optional<ComparedPeriod> previous;
};

Grain ParseGrain(const std::string& text);  // throws std::invalid_argument listing the accepted grains
const char* ToString(Grain grain);
const char* ToString(Unit unit);
std::optional<Dimension> DimensionByName(const std::string& name);
std::string AcceptedDimensions();  // "workspace, category, ..., kind"

// Runs usage queries over one source, within a scope: with a workspace scope every query is
// filtered to that workspace whatever it asks for.
class UsageEngine {
 public:
  // The workspaces are kept in id order.
  UsageEngine(SourceConnector& source, std::vector<Workspace> workspaces, std::optional<std::string> scope,
              model::TimeZone zone);

  Dataset Run(const std::string& name, const UsageQuery& query) const;

  // A query's filters split for a source: the source matches `exact` (the query's own filters and the
  // scope's workspace, which no query can lift); the engine keeps folders in the folder filters'
  // subtrees, which exact matching cannot express.
  struct ScopedFilters {
    std::vector<DimensionFilter> exact;
    std::vector<DimensionFilter> folders;
    bool exclude_direct = false;
    bool KeepsFolder(std::string_view folder) const;
  };
  ScopedFilters Scope(const std::vector<DimensionFilter>& filters, bool exclude_direct) const;

  // Each raw event on the range's local days that the filters (folder subtrees included) and the
  // scope let through, in no particular order, until sink returns false.
  void ForEachEvent(const DayRange& range, const std::vector<DimensionFilter>& filters, bool exclude_direct,
                    const EventSink& sink) const;

  SourceConnector& source() const { return source_; }
  const model::TimeZone& zone() const { return zone_; }
  const std::vector<Workspace>& workspaces() const { return workspaces_; }
  const std::optional<std::string>& scope() const { return scope_; }
  // The workspaces a query may see: the scope's one, or all.
  std::vector<const Workspace*> VisibleWorkspaces() const;

 private:
  const Workspace* FindWorkspace(const std::string& id) const;
  struct Collected;
  // Aggregates one range into series by keys, with the time buckets of that range.
  Collected Collect(const std::string& name, const UsageQuery& query, const DayRange& range) const;

  SourceConnector& source_;
  std::vector<Workspace> workspaces_;
  std::optional<std::string> scope_;
  model::TimeZone zone_;
};

}  // namespace creditlens::query

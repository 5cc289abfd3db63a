// Tables that need raw events rather than aggregates: the credit consumption audit log, statistics
// per run, workflow/scenario or module (data transferred, start, end), plus the billing folder tree
// and each workspace's member and project limits.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "query/data_table.h"
#include "query/day_range.h"
#include "query/usage_query.h"

namespace creditlens::query {

// Which events a table covers: local days in the engine's zone and filters as usage queries take them.
struct EventSelection {
  DayRange range;
  std::vector<DimensionFilter> filters;
  bool exclude_direct = false;
};

// Every credit-consuming event of the selection, oldest first (ties by id), with its exact feature,
// local time and attribution. limit > 0 keeps only the first `limit` events.
DataTable AuditTable(const std::string& name, const UsageEngine& engine, const EventSelection& selection,
                     std::size_t limit);

enum class RunGrouping { kRun, kSource, kModule };

// One row per run (or workflow/scenario, or module): events, credits, data transferred, first and last
// event, and for runs the time between them; most credits first. Events without the key are left out.
DataTable RunsTable(const std::string& name, const UsageEngine& engine, const EventSelection& selection,
                    RunGrouping grouping, std::size_t top);

// The billing folder tree of the selection: each folder's direct usage and its rolled-up usage (its
// own plus every subfolder's), parents before children.
DataTable FolderTable(const std::string& name, const UsageEngine& engine, const EventSelection& selection);

// Members and projects against their limits, per visible workspace that has a limit.
DataTable LimitsTable(const std::string& name, const UsageEngine& engine);

}  // namespace creditlens::query

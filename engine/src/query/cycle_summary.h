// The dashboard's cycle KPIs: credits used this billing cycle, included, left, average per day and
// the reset date, for one workspace or summed over the organisation (each workspace in its own
// cycle and time zone).
#pragma once

#include <cstdint>
#include <optional>

#include "query/day_range.h"
#include "query/usage_query.h"

namespace creditlens::query {

struct CycleSummary {
  MicroCredits used = 0;
  MicroCredits included = 0;
  MicroCredits left = 0;  // summed per workspace: one workspace's leftover never covers another's overage
  MicroCredits average_per_day = 0;
  std::optional<std::int32_t> resets_on;    // local date of the (earliest) next reset
  std::optional<DayRange> period;           // the workspace's current cycle up to today (workspace scope)
  std::optional<DayRange> previous_period;  // the whole cycle before it (workspace scope)
  int workspaces_with_plan = 0;
};

// as_of_ms is "now"; usage counts through the end of today.
CycleSummary SummariseCycles(const UsageEngine& engine, std::int64_t as_of_ms);

}  // namespace creditlens::query

// One small aggregate per workspace over its own cycle window (hour-aligned, so rollups answer it).
#include "query/cycle_summary.h"

#include <algorithm>
#include <stdexcept>

#include "billing/billing_cycle.h"

namespace creditlens::query {

CycleSummary SummariseCycles(const UsageEngine& engine, std::int64_t as_of_ms) {
  CycleSummary summary;
  const auto visible = engine.VisibleWorkspaces();
  for (const Workspace* w : visible) {
    const auto zone = model::TimeZone::Locate(w->timezone);
    const auto cycle = billing::CycleAt(*w, zone, as_of_ms);
    if (!cycle) continue;
    const std::int32_t today = zone.LocalDay(as_of_ms);
    const std::int32_t first_day = zone.LocalDay(cycle->start_ms);
    const std::int32_t reset_day = zone.LocalDay(cycle->end_ms);
    AggregateRequest request{cycle->start_ms,
                             std::min(cycle->end_ms, zone.StartOfDay(today + 1)),
                             {{Dimension::kWorkspace, {w->id}}},
                             {},
                             TimeBucket::kNone};
    std::vector<AggregateRow> rows;
    const Status status = engine.source().Aggregate(request, rows);
    if (!status.ok()) throw std::runtime_error("cycle usage of " + w->id + ": " + status.message());
    MicroCredits used = 0;
    for (const AggregateRow& row : rows) used += row.credits;
    summary.used += used;
    summary.included += cycle->included;
    summary.left += std::max<MicroCredits>(0, cycle->included - used);
    summary.average_per_day += used / std::max(1, today - first_day + 1);
    summary.resets_on = summary.resets_on ? std::min(*summary.resets_on, reset_day) : reset_day;
    if (engine.scope()) {
      summary.period = DayRange{first_day, today};
      if (const auto previous = billing::CycleAt(*w, zone, cycle->start_ms - 1)) {
        summary.previous_period = DayRange{zone.LocalDay(previous->start_ms), first_day - 1};
      }
    }
    ++summary.workspaces_with_plan;
  }
  return summary;
}

}  // namespace creditlens::query

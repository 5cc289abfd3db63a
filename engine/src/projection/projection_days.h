// The days a projection covers: its horizon and its basis period, resolved from the spec's terms
// against the workspace's billing cycles and the last complete day of history.
#pragma once

#include <cstdint>
#include <string>

#include "creditlens/accounts.h"
#include "model/time_zone.h"
#include "query/day_range.h"

namespace creditlens::projection {

inline constexpr std::int32_t kMaxHorizonDays = 3 * 366;

// The last projected day (local): "cycle_end", "next_cycle_end", "Nd", "Nm", "Ny" (counted from the
// last day of history) or a date after it. Throws std::invalid_argument listing the accepted forms, or
// saying why a cycle horizon has no cycle to end.
std::int32_t ResolveHorizon(const std::string& spec, const Workspace& workspace, const model::TimeZone& zone,
                            std::int32_t last_actual_day);

// The history that informs the rates: "7d", "30d", "90d" or any "Nd" ending on the last day of
// history, "cycle" (the current cycle up to it), "previous_cycle", or FIRST..LAST (not after it).
// Throws std::invalid_argument.
query::DayRange ResolveBasis(const std::string& spec, const Workspace& workspace, const model::TimeZone& zone,
                             std::int32_t last_actual_day);

}  // namespace creditlens::projection

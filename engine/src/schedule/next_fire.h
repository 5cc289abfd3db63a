// When a cron expression fires in an IANA time zone: the next fire instants after a UTC instant,
// matched against local wall time. Clock changes follow the rules of docs/schedules.md: a fixed-hour
// job fires once per matching local time (a skipped one at the end of the gap, a repeated one at its
// first occurrence); a job whose hour field starts with * fires whenever the wall clock shows a match.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/time_zone.h"
#include "schedule/cron_expression.h"

namespace creditlens::schedule {

// How far ahead NextFire looks: every expression that can fire does so within 8 years (29 February
// in 2096 and then in 2104).
constexpr int kSearchYears = 8;

// The first fire instant (UTC milliseconds, whole minutes of local time) strictly after after_ms.
// Throws std::invalid_argument when nothing fires in the kSearchYears after it (e.g. "0 0 30 2 *").
std::int64_t NextFire(const CronExpression& cron, const model::TimeZone& zone, std::int64_t after_ms);

// The next count fire instants after after_ms, each strictly after the one before.
std::vector<std::int64_t> NextFires(const CronExpression& cron, const model::TimeZone& zone,
                                    std::int64_t after_ms, int count);

// The last fire instant at or before now_ms and after now_ms - window_ms, if there is one: what a
// scheduler that wakes at now_ms still runs (older fires are not replayed).
std::optional<std::int64_t> LatestFire(const CronExpression& cron, const model::TimeZone& zone,
                                       std::int64_t now_ms, std::int64_t window_ms);

}  // namespace creditlens::schedule

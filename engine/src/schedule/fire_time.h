// How a fire time is shown to a person: local wall time, its UTC offset, and the UTC instant, e.g.
// "2026-03-29 03:00 +02:00 (2026-03-29T01:00:00Z)".
#pragma once

#include <cstdint>
#include <string>

#include "model/time_zone.h"

namespace creditlens::schedule {

std::string FormatFireTime(const model::TimeZone& zone, std::int64_t utc_ms);

}  // namespace creditlens::schedule

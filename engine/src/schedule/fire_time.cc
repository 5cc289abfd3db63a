// Fire times as local time, offset and UTC, built on the ISO-8601 UTC formatter.
#include "schedule/fire_time.h"

#include <cstdio>
#include <cstdlib>

#include "model/timestamp.h"

namespace creditlens::schedule {

std::string FormatFireTime(const model::TimeZone& zone, std::int64_t utc_ms) {
  // FormatIsoUtc writes YYYY-MM-DDTHH:MM:SS.mmmZ; a local wall time is written the same way, as if UTC.
  const std::int64_t local_ms = zone.ToLocalMs(utc_ms);
  const std::string local = model::FormatIsoUtc(local_ms);
  const std::string utc = model::FormatIsoUtc(utc_ms);
  const std::int64_t offset_minutes = (local_ms - utc_ms) / 60'000;
  char offset[16];
  std::snprintf(offset, sizeof offset, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                static_cast<int>(std::llabs(offset_minutes) / 60),
                static_cast<int>(std::llabs(offset_minutes) % 60));
  return local.substr(0, 10) + " " + local.substr(11, 5) + " " + offset + " (" + utc.substr(0, 19) + "Z)";
}

}  // namespace creditlens::schedule

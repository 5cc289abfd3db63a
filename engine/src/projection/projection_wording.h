// The words and numbers a projection report shares between its KPI tiles, tables and text: date
// ranges, P10-P90 ranges of credits, and when included or prepaid credits run out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "projection/projection_result.h"

namespace creditlens::projection {

// "2026-11-11 – 2026-12-10"
std::string DayRangeText(std::int32_t first_day, std::int32_t last_day);

// The P10 to P90 credits of a band: "10,000.00 – 14,000.00".
std::string BandRangeText(const Band& band);

// The day credits run out, or "not before <horizon>" when they last through the horizon.
std::string RunsOutText(std::optional<std::int32_t> day, std::int32_t horizon_day);

// As RunsOutText for the scenario's prepaid credits; "no prepaid credits" when its usage went beyond
// the included credits and none of that came from prepaid credits.
std::string PrepaidRunsOutText(const ScenarioResult& scenario, std::int32_t horizon_day);

}  // namespace creditlens::projection

// A scenario's chart: usage since the billing cycle started, actual up to the last day of history,
// then the projected P50 line over a translucent P10-P90 band, against the included credits.
#pragma once

#include <cstdint>

#include "projection/projection_result.h"
#include "render/document.h"

namespace creditlens::projection {

// Series 0 "Actual" (no value after last_actual_day), series 1 "Projected (P50)" (no value before it; it
// starts at the last actual value so the lines join) with the band "P10 – P90" in its colour. The
// included credits are a reference line when they are the same every day (none when 0 every day),
// otherwise series 2, a step per day.
render::LineChart ProjectionChart(const ScenarioResult& scenario, std::int32_t last_actual_day);

}  // namespace creditlens::projection

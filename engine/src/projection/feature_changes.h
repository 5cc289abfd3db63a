// A scenario's per-feature changes turned into what they do to each projected day (projection_spec.h
// defines the changes and their weights).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "projection/forecast.h"
#include "projection/projection_spec.h"

namespace creditlens::projection {

// The credits per day an add or set amount means on `day` (a month's amount spread over that month).
double DailyAmount(const FeatureChange& change, std::int32_t day);

// The weight of a change on `day` within [first_day, last_day] (the projection's days): 0 outside its
// dates, rising linearly over its ramp, else 1.
double ChangeWeight(const FeatureChange& change, std::int32_t day, std::int32_t first_day,
                    std::int32_t last_day);

// One adjustment per day of [first_day, last_day]: the changes (all for one feature) composed in order.
std::vector<DayAdjustment> ComposeChanges(std::span<const FeatureChange* const> changes,
                                          std::int32_t first_day, std::int32_t last_day);

}  // namespace creditlens::projection

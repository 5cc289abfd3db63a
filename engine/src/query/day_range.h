// Report ranges as users write them ("billing_month", "7d", "30d", "90d", "12m",
// "2026-01-01..2026-01-31") resolved to local days relative to "today" (which --as-of sets).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace creditlens::query {

struct DayRange {
  std::int32_t first_day = 0;  // local days, inclusive
  std::int32_t last_day = 0;
};

// billing_period is the current billing period up to today (for "billing_month"). Throws
// std::invalid_argument listing the accepted forms.
DayRange ResolveDayRange(const std::string& spec, std::int32_t today, const DayRange& billing_period);

std::string Describe(const DayRange& range);  // "2026-11-01 – 2026-11-22"

}  // namespace creditlens::query

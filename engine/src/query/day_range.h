// Report ranges as users write them ("billing_month", "previous_cycle", "7d", "30d", "90d", "12m",
// "2026-01-01..2026-01-31") resolved to local days relative to "today" (which --as-of sets), and the
// period before a range that comparisons set it against.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace creditlens::query {

struct DayRange {
  std::int32_t first_day = 0;  // local days, inclusive
  std::int32_t last_day = 0;
};

struct BillingPeriods {
  DayRange current;   // the current billing cycle up to today: "billing_month", "cycle"
  DayRange previous;  // the whole cycle before it: "previous_cycle"
};

// Throws std::invalid_argument listing the accepted forms.
DayRange ResolveDayRange(const std::string& spec, std::int32_t today, const BillingPeriods& periods);

// The period a range is compared with: as many whole months before it when the range starts on a
// month's first day and ends on a month's last day (or today), otherwise as many days before it.
DayRange PreviousPeriod(const DayRange& range, std::int32_t today);

std::string Describe(const DayRange& range);  // "2026-11-01 – 2026-11-22"

}  // namespace creditlens::query

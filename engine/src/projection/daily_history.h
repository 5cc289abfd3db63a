// Daily credits per feature over a range of local days, as the forecasts read them. Days before the
// scope's first usage ever are left out: they are before its data began, not days without usage, and
// counting them would drag every average down. Idle days after usage began count as days of zero.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "creditlens/credits.h"
#include "query/usage_query.h"

namespace creditlens::projection {

struct FeatureDays {
  std::string category;
  std::string feature;
  std::vector<double> credits;  // one per day from DailyHistory::first_day
  MicroCredits total = 0;
};

struct DailyHistory {
  std::int32_t first_day = 0;  // the first day with usage (range.last_day + 1 when there was none)
  std::vector<FeatureDays> features;
};

DailyHistory LoadDailyHistory(const query::UsageEngine& engine, const query::DayRange& range);

}  // namespace creditlens::projection

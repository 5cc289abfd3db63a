#include "projection/daily_history.h"

#include <algorithm>

namespace creditlens::projection {
namespace {

bool UsedBefore(const query::UsageEngine& engine, std::int32_t day) {
  query::UsageQuery request;
  request.first_day = 0;  // 1970-01-01: all the scope's history
  request.last_day = day - 1;
  return engine.Run("earlier", request).events > 0;
}

}  // namespace

DailyHistory LoadDailyHistory(const query::UsageEngine& engine, const query::DayRange& range) {
  query::UsageQuery request;
  request.first_day = range.first_day;
  request.last_day = range.last_day;
  request.grain = query::Grain::kDay;
  request.group_by = {"category", "feature"};
  const query::Dataset data = engine.Run("history", request);

  std::size_t first_used = data.buckets.size();
  for (const query::Series& s : data.series) {
    const auto used = std::find_if(s.values.begin(), s.values.end(), [](std::int64_t v) { return v != 0; });
    first_used = std::min(first_used, static_cast<std::size_t>(used - s.values.begin()));
  }
  if (first_used > 0 && UsedBefore(engine, range.first_day)) first_used = 0;  // idle days, not missing ones
  DailyHistory history{range.first_day + static_cast<std::int32_t>(first_used), {}};
  for (const query::Series& s : data.series) {
    FeatureDays& f = history.features.emplace_back();
    f.category = s.keys[0];
    f.feature = s.keys[1];
    for (std::size_t d = first_used; d < s.values.size(); ++d)
      f.credits.push_back(MicroCreditsToDouble(s.values[d]));
    f.total = s.total;
  }
  return history;
}

}  // namespace creditlens::projection

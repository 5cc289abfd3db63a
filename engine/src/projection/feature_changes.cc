#include "projection/feature_changes.h"

#include "model/time_zone.h"

namespace creditlens::projection {
namespace {

int DaysInMonthOf(std::int32_t day) {
  const model::CivilDate date = model::ToCivil(day);
  const std::int32_t first = model::FromCivilClamped(date.year, static_cast<int>(date.month), 1);
  return model::FromCivilClamped(date.year, static_cast<int>(date.month) + 1, 1) - first;
}

}  // namespace

double DailyAmount(const FeatureChange& change, std::int32_t day) {
  switch (change.per) {
    case RatePer::kDay:
      return change.amount;
    case RatePer::kWeek:
      return change.amount / 7;
    case RatePer::kMonth:
      return change.amount / DaysInMonthOf(day);
  }
  return change.amount;
}

double ChangeWeight(const FeatureChange& change, std::int32_t day, std::int32_t first_day,
                    std::int32_t last_day) {
  const std::int32_t from = change.from_day.value_or(first_day);
  const std::int32_t until = change.until_day.value_or(last_day);
  if (day < from || day > until) return 0;
  if (!change.ramp_until_day || day >= *change.ramp_until_day) return 1;
  return static_cast<double>(day - from + 1) / static_cast<double>(*change.ramp_until_day - from + 1);
}

std::vector<DayAdjustment> ComposeChanges(std::span<const FeatureChange* const> changes,
                                          std::int32_t first_day, std::int32_t last_day) {
  std::vector<DayAdjustment> days;
  for (std::int32_t day = first_day; day <= last_day; ++day) {
    DayAdjustment a;
    for (const FeatureChange* change : changes) {
      const double f = ChangeWeight(*change, day, first_day, last_day);
      if (f == 0) continue;
      switch (change->kind) {
        case ChangeKind::kScale: {
          const double m = 1 + f * (change->amount - 1);
          a = {a.scale * m, a.add * m};
          break;
        }
        case ChangeKind::kAdd:
          a.add += f * DailyAmount(*change, day);
          break;
        case ChangeKind::kSet:
          a = {(1 - f) * a.scale, (1 - f) * a.add + f * DailyAmount(*change, day)};
          break;
      }
    }
    days.push_back(a);
  }
  return days;
}

}  // namespace creditlens::projection

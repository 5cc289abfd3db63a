// Bucket keys: local day number (day), Monday's day number (week), year*12+month (month),
// day*24+local hour (hour). Labels are ISO-like: 2026-11-22, 2026-11, 2026-11-22T13:00.
#include "query/time_buckets.h"

#include <algorithm>
#include <cstdio>

namespace creditlens::query {
namespace {

constexpr std::int64_t kMsPerHour = 3'600'000;

std::int64_t MondayOf(std::int32_t day) {
  const std::int32_t weekday = ((day % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
  return day - weekday;
}

}  // namespace

TimeBuckets::TimeBuckets(const model::TimeZone& zone, Grain grain, std::int32_t first_day,
                         std::int32_t last_day)
    : zone_(zone), grain_(grain) {
  if (grain == Grain::kNone) {
    keys_.push_back(0);
    labels_.emplace_back();
    return;
  }
  for (std::int32_t day = first_day; day <= last_day; ++day) {
    const model::CivilDate date = model::ToCivil(day);
    char label[32];
    switch (grain) {
      case Grain::kHour:
        for (int hour = 0; hour < 24; ++hour) {
          keys_.push_back(static_cast<std::int64_t>(day) * 24 + hour);
          std::snprintf(label, sizeof label, "%sT%02d:00", model::FormatDate(day).c_str(), hour);
          labels_.emplace_back(label);
        }
        continue;
      case Grain::kDay:
        keys_.push_back(day);
        labels_.push_back(model::FormatDate(day));
        continue;
      case Grain::kWeek:
        if (day == first_day || MondayOf(day) == day) {
          keys_.push_back(MondayOf(day));
          labels_.push_back(model::FormatDate(static_cast<std::int32_t>(MondayOf(day))));
        }
        continue;
      case Grain::kMonth:
        if (day == first_day || date.day == 1) {
          keys_.push_back(static_cast<std::int64_t>(date.year) * 12 + date.month - 1);
          std::snprintf(label, sizeof label, "%04d-%02u", date.year, date.month);
          labels_.emplace_back(label);
        }
        continue;
      case Grain::kNone:
        break;
    }
  }
}

std::int64_t TimeBuckets::KeyOf(std::int64_t utc_ms) const {
  const std::int32_t day = zone_.LocalDay(utc_ms);
  switch (grain_) {
    case Grain::kHour:
      return static_cast<std::int64_t>(day) * 24 + zone_.LocalTimeOfDayMs(utc_ms) / kMsPerHour;
    case Grain::kDay:
      return day;
    case Grain::kWeek:
      return MondayOf(day);
    case Grain::kMonth: {
      const model::CivilDate date = model::ToCivil(day);
      return static_cast<std::int64_t>(date.year) * 12 + date.month - 1;
    }
    case Grain::kNone:
      break;
  }
  return 0;
}

std::size_t TimeBuckets::IndexOf(std::int64_t utc_ms) const {
  const auto it = std::lower_bound(keys_.begin(), keys_.end(), KeyOf(utc_ms));
  return static_cast<std::size_t>(std::min<std::ptrdiff_t>(it - keys_.begin(), keys_.size() - 1));
}

}  // namespace creditlens::query

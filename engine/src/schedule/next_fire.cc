// Next fire times: walk the matching local minutes in order, skipping months, days and hours that
// cannot match, and map each to UTC by the clock-change rules.
#include "schedule/next_fire.h"

#include <array>
#include <optional>
#include <stdexcept>
#include <string>

namespace creditlens::schedule {
namespace {

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMinutesPerDay = 1440;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// The first matching minute of a matching day at or after minute_of_day.
std::optional<std::int64_t> NextTimeOfDay(const CronExpression& cron, std::int64_t minute_of_day) {
  const int from_hour = static_cast<int>(minute_of_day / 60);
  for (int hour = from_hour; hour < 24; ++hour) {
    if (!cron.MatchesHour(hour)) continue;
    for (int minute = hour == from_hour ? static_cast<int>(minute_of_day % 60) : 0; minute < 60; ++minute) {
      if (cron.MatchesMinute(minute)) return hour * 60 + minute;
    }
  }
  return std::nullopt;
}

// The first local minute (minutes since the local epoch) at or after `from` that the expression
// matches, before local day end_day.
std::optional<std::int64_t> NextMatchingMinute(const CronExpression& cron, std::int64_t from,
                                               std::int64_t end_day) {
  std::int64_t day = FloorDiv(from, kMinutesPerDay);
  std::int64_t minute_of_day = from - day * kMinutesPerDay;
  while (day < end_day) {
    const model::CivilDate date = model::ToCivil(static_cast<std::int32_t>(day));
    if (!cron.MatchesMonth(date.month)) {
      day = model::FromCivilClamped(date.year, static_cast<int>(date.month) + 1, 1);
    } else {
      if (cron.MatchesDay(static_cast<std::int32_t>(day))) {
        if (const auto time = NextTimeOfDay(cron, minute_of_day)) return day * kMinutesPerDay + *time;
      }
      ++day;
    }
    minute_of_day = 0;
  }
  return std::nullopt;
}

// The instants a matching local time fires at: a fixed-hour job once (a skipped time at the end of the
// gap, a repeated one at its first occurrence); another job whenever the wall clock shows the time
// (never for a skipped time, twice for a repeated one).
struct Fires {
  int count = 0;
  std::array<std::int64_t, 2> at{};
};

Fires FiresOf(const model::LocalTimeMapping& mapping, bool fixed_hour) {
  using Kind = model::LocalTimeMapping::Kind;
  if (fixed_hour || mapping.kind == Kind::kUnique) return {1, {mapping.first_ms, mapping.first_ms}};
  if (mapping.kind == Kind::kSkipped) return {0, {}};
  return {2, {mapping.first_ms, mapping.second_ms}};
}

}  // namespace

std::int64_t NextFire(const CronExpression& cron, const model::TimeZone& zone, std::int64_t after_ms) {
  const std::int64_t local_ms = zone.ToLocalMs(after_ms);
  // A local time repeated by a fall-back can fire (its second occurrence) after after_ms although it is
  // earlier on the wall clock than after_ms: start the walk one overlap back.
  const model::LocalTimeMapping here = zone.MapLocal(local_ms);
  std::int64_t from = FloorDiv(local_ms - (here.second_ms - here.first_ms), kMsPerMinute);
  const std::int64_t end_day = FloorDiv(from, kMinutesPerDay) + std::int64_t{kSearchYears} * 366;
  std::optional<std::int64_t> best;
  while (const auto minute = NextMatchingMinute(cron, from, end_day)) {
    const model::LocalTimeMapping mapping = zone.MapLocal(*minute * kMsPerMinute);
    // first_ms never decreases as local time advances, so no later local time fires before best.
    if (best && mapping.first_ms >= *best) break;
    const Fires fires = FiresOf(mapping, cron.fixed_hour());
    for (int i = 0; i < fires.count; ++i) {
      if (fires.at[i] > after_ms && (!best || fires.at[i] < *best)) best = fires.at[i];
    }
    from = *minute + 1;
  }
  if (!best) {
    throw std::invalid_argument("'" + cron.text() + "' never fires: nothing matches it in the " +
                                std::to_string(kSearchYears) +
                                " years searched (a date such as 30 February never comes)");
  }
  return *best;
}

std::vector<std::int64_t> NextFires(const CronExpression& cron, const model::TimeZone& zone,
                                    std::int64_t after_ms, int count) {
  std::vector<std::int64_t> fires;
  fires.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) fires.push_back(after_ms = NextFire(cron, zone, after_ms));
  return fires;
}

std::optional<std::int64_t> LatestFire(const CronExpression& cron, const model::TimeZone& zone,
                                       std::int64_t now_ms, std::int64_t window_ms) {
  std::optional<std::int64_t> latest;
  try {
    for (std::int64_t at = NextFire(cron, zone, now_ms - window_ms); at <= now_ms;
         at = NextFire(cron, zone, at)) {
      latest = at;
    }
  } catch (const std::invalid_argument&) {  // nothing fires after the window: the latest stands
  }
  return latest;
}

}  // namespace creditlens::schedule

// TimeZone on Howard Hinnant's date/tz over the operating system's tz database.
#include "model/time_zone.h"

#include <date/tz.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace creditlens::model {
namespace {
using Ms = std::chrono::milliseconds;
constexpr std::int64_t kMsPerDay = 86'400'000;

date::sys_time<Ms> SysMs(std::int64_t ms) { return date::sys_time<Ms>{Ms{ms}}; }
}  // namespace

CivilDate ToCivil(std::int32_t days) {
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

std::int32_t FromCivilClamped(int year, int month, unsigned day) {
  // Normalise month overflow so callers can add or subtract months freely.
  const int months = year * 12 + (month - 1);
  year = months >= 0 ? months / 12 : (months - 11) / 12;
  month = months - year * 12 + 1;
  const date::year_month ym{date::year{year}, date::month(static_cast<unsigned>(month))};
  const unsigned last = static_cast<unsigned>(date::year_month_day_last{ym / date::last}.day());
  const date::year_month_day ymd{ym / date::day(std::min(day, last))};
  return date::sys_days{ymd}.time_since_epoch().count();
}

std::string FormatDate(std::int32_t days) {
  const CivilDate d = ToCivil(days);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", d.year, d.month, d.day);
  return buffer;
}

TimeZone TimeZone::Locate(std::string_view iana_name) {
  try {
    return TimeZone(date::locate_zone(iana_name), std::string(iana_name));
  } catch (const std::runtime_error&) {
    throw std::invalid_argument("unknown time zone '" + std::string(iana_name) +
                                "' (expected an IANA name like Europe/Berlin or UTC)");
  }
}

TimeZone TimeZone::Utc() { return Locate("UTC"); }

std::int32_t TimeZone::LocalDay(std::int64_t utc_ms) const {
  const auto local = zone_->to_local(SysMs(utc_ms));
  return date::floor<date::days>(local).time_since_epoch().count();
}

std::int64_t TimeZone::ToUtc(std::int32_t local_day, std::int64_t ms_after_midnight) const {
  // A repeated hour resolves to its first occurrence; a skipped time to the end of the gap.
  return MapLocal(static_cast<std::int64_t>(local_day) * kMsPerDay + ms_after_midnight).first_ms;
}

std::int64_t TimeZone::StartOfDay(std::int32_t local_day) const { return ToUtc(local_day, 0); }

std::int64_t TimeZone::LocalTimeOfDayMs(std::int64_t utc_ms) const {
  const auto local = zone_->to_local(SysMs(utc_ms));
  return (local - date::floor<date::days>(local)).count();
}

std::int64_t TimeZone::ToLocalMs(std::int64_t utc_ms) const {
  return zone_->to_local(SysMs(utc_ms)).time_since_epoch().count();
}

LocalTimeMapping TimeZone::MapLocal(std::int64_t local_ms) const {
  const date::local_time<Ms> local{Ms{local_ms}};
  const date::local_info info = zone_->get_info(date::floor<std::chrono::seconds>(local));
  const auto utc = [&](const date::sys_info& in_force) {
    return local_ms - std::chrono::duration_cast<Ms>(in_force.offset).count();
  };
  switch (info.result) {
    case date::local_info::nonexistent: {
      const std::int64_t gap_end = std::chrono::duration_cast<Ms>(info.first.end.time_since_epoch()).count();
      return {LocalTimeMapping::Kind::kSkipped, gap_end, gap_end};
    }
    case date::local_info::ambiguous:
      return {LocalTimeMapping::Kind::kRepeated, utc(info.first), utc(info.second)};
    default:
      return {LocalTimeMapping::Kind::kUnique, utc(info.first), utc(info.first)};
  }
}

bool TimeZone::WholeHourOffsets(std::int64_t from_ms, std::int64_t to_ms) const {
  auto at = date::floor<std::chrono::seconds>(SysMs(from_ms));
  const auto end = SysMs(to_ms);
  for (;;) {
    const date::sys_info info = zone_->get_info(at);
    if (info.offset.count() % 3600 != 0) return false;
    if (info.end >= end) return true;
    at = info.end;
  }
}

}  // namespace creditlens::model

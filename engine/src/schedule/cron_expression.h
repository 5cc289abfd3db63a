// Cron expressions: the five fields (minute hour day-of-month month day-of-week) with lists, ranges,
// steps, month and day names, L for the last day of the month, and the @daily-style macros.
// This file parses and matches; when an expression fires in a time zone is next_fire.h.
// The syntax is described in docs/schedules.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace creditlens::schedule {

class CronExpression {
 public:
  // Throws std::invalid_argument naming the field and what was expected, e.g.
  // "day-of-week: '8' is out of range 0-7".
  static CronExpression Parse(std::string_view text);

  // The expression as written (a macro stays a macro).
  const std::string& text() const { return text_; }
  bool MatchesMinute(int minute) const { return Has(minutes_, minute); }
  bool MatchesHour(int hour) const { return Has(hours_, hour); }
  bool MatchesMonth(unsigned month) const { return Has(months_, static_cast<int>(month)); }
  // Whether a local day (days since 1970-01-01) matches day-of-month, month and day-of-week. Vixie cron's
  // rule: when both day fields are restricted (neither starts with *), a day matches if either matches.
  bool MatchesDay(std::int32_t local_day) const;
  // True unless the hour field starts with * (*, */2). A fixed-hour job fires once per matching local time
  // across clock changes; the others follow the wall clock (see docs/schedules.md).
  bool fixed_hour() const { return fixed_hour_; }

 private:
  static bool Has(std::uint64_t set, int value) { return (set >> value) & 1U; }

  std::string text_;
  std::uint64_t minutes_ = 0;           // bit n: minute n
  std::uint64_t hours_ = 0;             // bit n: hour n
  std::uint64_t days_ = 0;              // bit n: day n of the month, 1..31
  std::uint64_t days_before_last_ = 0;  // bit n: n days before the last day of the month (L is n = 0)
  std::uint64_t months_ = 0;            // bit n: month n, 1..12
  std::uint64_t weekdays_ = 0;          // bit n: weekday n, 0 = Sunday
  bool day_of_month_star_ = false;
  bool day_of_week_star_ = false;
  bool fixed_hour_ = true;
};

}  // namespace creditlens::schedule

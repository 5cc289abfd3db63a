#include "query/day_range.h"

#include <gtest/gtest.h>

#include "model/time_zone.h"
#include "model/timestamp.h"

namespace creditlens::query {
namespace {

std::int32_t Day(const char* iso) { return *model::ParseIsoDate(iso); }

TEST(ResolveDayRange, RelativeRangesEndToday) {
  const std::int32_t today = Day("2026-11-22");
  const BillingPeriods cycle{{Day("2026-11-11"), today}, {Day("2026-10-11"), Day("2026-11-10")}};
  EXPECT_EQ(ResolveDayRange("7d", today, cycle).first_day, Day("2026-11-16"));
  EXPECT_EQ(ResolveDayRange("30d", today, cycle).first_day, Day("2026-10-24"));
  EXPECT_EQ(ResolveDayRange("90d", today, cycle).last_day, today);
  EXPECT_EQ(ResolveDayRange("12m", today, cycle).first_day, Day("2025-12-01"));
  EXPECT_EQ(ResolveDayRange("1m", today, cycle).first_day, Day("2026-11-01"));
  EXPECT_EQ(ResolveDayRange("billing_month", today, cycle).first_day, Day("2026-11-11"));
  EXPECT_EQ(ResolveDayRange("cycle", today, cycle).last_day, today);
  EXPECT_EQ(ResolveDayRange("previous_cycle", today, cycle).first_day, Day("2026-10-11"));
  EXPECT_EQ(ResolveDayRange("previous_cycle", today, cycle).last_day, Day("2026-11-10"));
  const DayRange custom = ResolveDayRange("2026-01-01..2026-01-31", today, cycle);
  EXPECT_EQ(custom.first_day, Day("2026-01-01"));
  EXPECT_EQ(custom.last_day, Day("2026-01-31"));
  EXPECT_EQ(Describe(custom), "2026-01-01 – 2026-01-31");
}

TEST(ResolveDayRange, RefusesWhatItCannotRead) {
  for (const char* bad :
       {"", "0d", "-3d", "30", "lastweek", "2026-02-01..2026-01-01", "2026-01-01..", "99999d"}) {
    try {
      ResolveDayRange(bad, 100, {{90, 100}, {60, 89}});
      FAIL() << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("accepted: billing_month (or cycle), previous_cycle, 7d"),
                std::string::npos);
    }
  }
}

TEST(PreviousPeriod, WholeMonthsCompareWithAsManyMonthsBefore) {
  const std::int32_t today = Day("2026-11-22");
  const DayRange october{Day("2026-10-01"), Day("2026-10-31")};
  EXPECT_EQ(PreviousPeriod(october, today).first_day, Day("2026-09-01"));
  EXPECT_EQ(PreviousPeriod(october, today).last_day, Day("2026-09-30"));
  // "3m" ends today: the three months before it, whole.
  const DayRange three_months{Day("2026-09-01"), today};
  EXPECT_EQ(PreviousPeriod(three_months, today).first_day, Day("2026-06-01"));
  EXPECT_EQ(PreviousPeriod(three_months, today).last_day, Day("2026-08-31"));
  // Across a year boundary.
  const DayRange january{Day("2026-01-01"), Day("2026-01-31")};
  EXPECT_EQ(PreviousPeriod(january, today).first_day, Day("2025-12-01"));
}

TEST(PreviousPeriod, OtherRangesCompareWithAsManyDaysBefore) {
  const std::int32_t today = Day("2026-11-22");
  const DayRange week{Day("2026-11-16"), today};
  EXPECT_EQ(PreviousPeriod(week, today).first_day, Day("2026-11-09"));
  EXPECT_EQ(PreviousPeriod(week, today).last_day, Day("2026-11-15"));
  // Starts on the 1st but ends mid-month in the past: days, not months.
  const DayRange part{Day("2026-10-01"), Day("2026-10-10")};
  EXPECT_EQ(PreviousPeriod(part, today).first_day, Day("2026-09-21"));
}

}  // namespace
}  // namespace creditlens::query

#include "query/day_range.h"

#include <gtest/gtest.h>

#include "model/time_zone.h"
#include "model/timestamp.h"

namespace creditlens::query {
namespace {

std::int32_t Day(const char* iso) { return *model::ParseIsoDate(iso); }

TEST(ResolveDayRange, RelativeRangesEndToday) {
  const std::int32_t today = Day("2026-11-22");
  const DayRange cycle{Day("2026-11-11"), today};
  EXPECT_EQ(ResolveDayRange("7d", today, cycle).first_day, Day("2026-11-16"));
  EXPECT_EQ(ResolveDayRange("30d", today, cycle).first_day, Day("2026-10-24"));
  EXPECT_EQ(ResolveDayRange("90d", today, cycle).last_day, today);
  EXPECT_EQ(ResolveDayRange("12m", today, cycle).first_day, Day("2025-12-01"));
  EXPECT_EQ(ResolveDayRange("1m", today, cycle).first_day, Day("2026-11-01"));
  EXPECT_EQ(ResolveDayRange("billing_month", today, cycle).first_day, Day("2026-11-11"));
  const DayRange custom = ResolveDayRange("2026-01-01..2026-01-31", today, cycle);
  EXPECT_EQ(custom.first_day, Day("2026-01-01"));
  EXPECT_EQ(custom.last_day, Day("2026-01-31"));
  EXPECT_EQ(Describe(custom), "2026-01-01 – 2026-01-31");
}

TEST(ResolveDayRange, RefusesWhatItCannotRead) {
  for (const char* bad :
       {"", "0d", "-3d", "30", "lastweek", "2026-02-01..2026-01-01", "2026-01-01..", "99999d"}) {
    try {
      ResolveDayRange(bad, 100, {90, 100});
      FAIL() << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("accepted: billing_month, 7d"), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace creditlens::query

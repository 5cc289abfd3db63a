#include "query/time_buckets.h"

#include <gtest/gtest.h>

#include "model/timestamp.h"

namespace creditlens::query {
namespace {

std::int32_t Day(const char* iso) { return *model::ParseIsoDate(iso); }
std::int64_t At(const char* iso) { return *model::ParseIsoTimestamp(iso); }

TEST(TimeBuckets, DaysAreCutAtLocalMidnight) {
  const auto kolkata = model::TimeZone::Locate("Asia/Kolkata");
  const TimeBuckets days(kolkata, Grain::kDay, Day("2026-05-01"), Day("2026-05-03"));
  EXPECT_EQ(days.labels(), (std::vector<std::string>{"2026-05-01", "2026-05-02", "2026-05-03"}));
  EXPECT_EQ(days.IndexOf(At("2026-04-30T18:30:00Z")), 0u);
  EXPECT_EQ(days.IndexOf(At("2026-05-01T18:29:59.999Z")), 0u);
  EXPECT_EQ(days.IndexOf(At("2026-05-01T18:30:00Z")), 1u);
}

TEST(TimeBuckets, MonthsAndWeeks) {
  const auto utc = model::TimeZone::Utc();
  const TimeBuckets months(utc, Grain::kMonth, Day("2025-12-15"), Day("2026-02-03"));
  EXPECT_EQ(months.labels(), (std::vector<std::string>{"2025-12", "2026-01", "2026-02"}));
  EXPECT_EQ(months.IndexOf(At("2026-01-31T23:59:59Z")), 1u);
  const TimeBuckets weeks(utc, Grain::kWeek, Day("2026-11-04"), Day("2026-11-22"));  // Wed .. Sun
  EXPECT_EQ(weeks.labels(), (std::vector<std::string>{"2026-11-02", "2026-11-09", "2026-11-16"}));
  EXPECT_EQ(weeks.IndexOf(At("2026-11-16T00:00:00Z")), 2u);
  EXPECT_EQ(weeks.IndexOf(At("2026-11-15T23:59:59Z")), 1u);
}

TEST(TimeBuckets, HoursFollowTheLocalClockAcrossDst) {
  const auto berlin = model::TimeZone::Locate("Europe/Berlin");
  const TimeBuckets hours(berlin, Grain::kHour, Day("2026-03-29"), Day("2026-03-29"));
  ASSERT_EQ(hours.size(), 24u);
  EXPECT_EQ(hours.IndexOf(At("2026-03-29T00:30:00Z")), 1u);  // 01:30 CET
  EXPECT_EQ(hours.IndexOf(At("2026-03-29T01:30:00Z")), 3u);  // 03:30 CEST: 02:00 never happened
  EXPECT_EQ(hours.labels()[3], "2026-03-29T03:00");
}

}  // namespace
}  // namespace creditlens::query

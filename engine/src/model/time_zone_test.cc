#include "model/time_zone.h"

#include <gtest/gtest.h>

#include "model/timestamp.h"

namespace creditlens::model {
namespace {

std::int64_t At(const char* iso) { return *ParseIsoTimestamp(iso); }
std::int32_t Day(const char* iso_date) { return *ParseIsoDate(iso_date); }

TEST(TimeZone, CutsDaysAtLocalMidnight) {
  const auto berlin = TimeZone::Locate("Europe/Berlin");
  EXPECT_EQ(berlin.LocalDay(At("2026-01-10T22:59:59.999Z")), Day("2026-01-10"));
  EXPECT_EQ(berlin.LocalDay(At("2026-01-10T23:00:00Z")), Day("2026-01-11"));
  EXPECT_EQ(berlin.StartOfDay(Day("2026-01-11")), At("2026-01-10T23:00:00Z"));
  EXPECT_EQ(berlin.StartOfDay(Day("2026-07-11")), At("2026-07-10T22:00:00Z"));  // summer time
}

TEST(TimeZone, DaysAcrossDstChangesHave23And25Hours) {
  const auto berlin = TimeZone::Locate("Europe/Berlin");
  const auto spring = Day("2026-03-29");
  EXPECT_EQ(berlin.StartOfDay(spring + 1) - berlin.StartOfDay(spring), 23 * 3'600'000);
  const auto autumn = Day("2026-10-25");
  EXPECT_EQ(berlin.StartOfDay(autumn + 1) - berlin.StartOfDay(autumn), 25 * 3'600'000);
  const auto new_york = TimeZone::Locate("America/New_York");
  EXPECT_EQ(new_york.StartOfDay(Day("2026-03-08")), At("2026-03-08T05:00:00Z"));
  EXPECT_EQ(new_york.StartOfDay(Day("2026-03-09")), At("2026-03-09T04:00:00Z"));
}

TEST(TimeZone, NonHourOffsets) {
  const auto kolkata = TimeZone::Locate("Asia/Kolkata");
  EXPECT_EQ(kolkata.StartOfDay(Day("2026-05-01")), At("2026-04-30T18:30:00Z"));
  EXPECT_EQ(kolkata.LocalDay(At("2026-04-30T18:29:59.999Z")), Day("2026-04-30"));
  EXPECT_EQ(kolkata.LocalDay(At("2026-04-30T18:30:00Z")), Day("2026-05-01"));
  EXPECT_FALSE(kolkata.WholeHourOffsets(At("2026-01-01T00:00:00Z"), At("2026-02-01T00:00:00Z")));
  const auto kathmandu = TimeZone::Locate("Asia/Kathmandu");  // +05:45
  EXPECT_EQ(kathmandu.StartOfDay(Day("2026-05-01")), At("2026-04-30T18:15:00Z"));
  EXPECT_TRUE(TimeZone::Locate("Europe/Berlin")
                  .WholeHourOffsets(At("2025-01-01T00:00:00Z"), At("2027-01-01T00:00:00Z")));
}

TEST(TimeZone, MidnightSkippedByAClockChangeStartsAtTheGapEnd) {
  // Santiago springs forward at 24:00 -> 01:00: the local day 2026-09-06 begins at 01:00 (-03).
  const auto santiago = TimeZone::Locate("America/Santiago");
  EXPECT_EQ(santiago.StartOfDay(Day("2026-09-06")), At("2026-09-06T04:00:00Z"));
}

TEST(TimeZone, MapsLocalWallTimesAcrossClockChanges) {
  const auto berlin = TimeZone::Locate("Europe/Berlin");
  // Local wall times are read as if UTC to get milliseconds since the local epoch.
  const auto unique = berlin.MapLocal(At("2026-03-29T01:30:00Z"));
  EXPECT_EQ(unique.kind, LocalTimeMapping::Kind::kUnique);
  EXPECT_EQ(unique.first_ms, At("2026-03-29T00:30:00Z"));
  EXPECT_EQ(unique.second_ms, unique.first_ms);
  // 02:30 on 29 March is skipped: the first instant after the gap is 03:00 CEST, 01:00Z.
  const auto skipped = berlin.MapLocal(At("2026-03-29T02:30:00Z"));
  EXPECT_EQ(skipped.kind, LocalTimeMapping::Kind::kSkipped);
  EXPECT_EQ(skipped.first_ms, At("2026-03-29T01:00:00Z"));
  // 02:30 on 25 October happens in CEST and again in CET.
  const auto repeated = berlin.MapLocal(At("2026-10-25T02:30:00Z"));
  EXPECT_EQ(repeated.kind, LocalTimeMapping::Kind::kRepeated);
  EXPECT_EQ(repeated.first_ms, At("2026-10-25T00:30:00Z"));
  EXPECT_EQ(repeated.second_ms, At("2026-10-25T01:30:00Z"));
  EXPECT_EQ(berlin.ToLocalMs(At("2026-10-25T01:30:00Z")), At("2026-10-25T02:30:00Z"));
  EXPECT_EQ(berlin.ToLocalMs(At("2026-07-01T12:00:00.250Z")), At("2026-07-01T14:00:00.250Z"));
}

TEST(TimeZone, UnknownZoneIsAClearError) {
  try {
    TimeZone::Locate("Mars/Olympus_Mons");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("unknown time zone 'Mars/Olympus_Mons'"), std::string::npos);
  }
}

TEST(Civil, MonthArithmeticClampsToTheLastDay) {
  EXPECT_EQ(FormatDate(FromCivilClamped(2024, 2, 31)), "2024-02-29");
  EXPECT_EQ(FormatDate(FromCivilClamped(2025, 2, 31)), "2025-02-28");
  EXPECT_EQ(FormatDate(FromCivilClamped(2025, 13, 31)), "2026-01-31");
  EXPECT_EQ(FormatDate(FromCivilClamped(2025, 0, 15)), "2024-12-15");
  EXPECT_EQ(FormatDate(FromCivilClamped(2025, -11, 15)), "2024-01-15");
}

}  // namespace
}  // namespace creditlens::model

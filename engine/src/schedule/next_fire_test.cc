#include "schedule/next_fire.h"

#include <gtest/gtest.h>

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/timestamp.h"
#include "schedule/fire_time.h"

namespace creditlens::schedule {
namespace {

// One expectation: the fire times of expression in zone strictly after the UTC instant from, formatted as
// "local offset (UTC)", each derived by hand as the comment above the case explains.
struct FireCase {
  const char* name;
  const char* expression;
  const char* zone;
  const char* from;
  std::vector<std::string> fires;
};

void PrintTo(const FireCase& c, std::ostream* out) {
  *out << c.expression << " in " << c.zone << " after " << c.from;
}

const FireCase kCases[] = {
    // Europe/Berlin 2026: summer time starts Sunday 29 March at 01:00Z (02:00 CET -> 03:00 CEST, so local
    // 02:00-02:59 does not exist) and ends Sunday 25 October at 01:00Z (03:00 CEST -> 02:00 CET, so local
    // 02:00-02:59 happens twice: first at 00:xxZ, then at 01:xxZ).

    // 02:30 does not exist on 29 March: the daily job fires once at the first instant after the gap,
    // 03:00 CEST; the days around it fire at 02:30 in their own offsets.
    {"BerlinSpringFixedTimeAtTheGapEnd",
     "30 2 * * *",
     "Europe/Berlin",
     "2026-03-27T12:00:00Z",
     {"2026-03-28 02:30 +01:00 (2026-03-28T01:30:00Z)", "2026-03-29 03:00 +02:00 (2026-03-29T01:00:00Z)",
      "2026-03-30 02:30 +02:00 (2026-03-30T00:30:00Z)"}},
    // 02:30 happens at 00:30Z (CEST) and 01:30Z (CET) on 25 October: only the first fires.
    {"BerlinFallBackFixedTimeAtTheFirstOccurrence",
     "30 2 * * *",
     "Europe/Berlin",
     "2026-10-24T12:00:00Z",
     {"2026-10-25 02:30 +02:00 (2026-10-25T00:30:00Z)", "2026-10-26 02:30 +01:00 (2026-10-26T01:30:00Z)"}},
    // Asked between the two occurrences, the second is not a fire time either: the next is the next day.
    {"BerlinFallBackFixedTimeNotAtTheSecondOccurrence",
     "30 2 * * *",
     "Europe/Berlin",
     "2026-10-25T00:45:00Z",
     {"2026-10-26 02:30 +01:00 (2026-10-26T01:30:00Z)"}},
    // 01:45 CET is 00:45Z; the wall clock then shows 03:00 CEST at 01:00Z: 15 real minutes.
    {"BerlinSpringQuarterHours",
     "*/15 * * * *",
     "Europe/Berlin",
     "2026-03-29T00:30:00Z",
     {"2026-03-29 01:45 +01:00 (2026-03-29T00:45:00Z)", "2026-03-29 03:00 +02:00 (2026-03-29T01:00:00Z)",
      "2026-03-29 03:15 +02:00 (2026-03-29T01:15:00Z)", "2026-03-29 03:30 +02:00 (2026-03-29T01:30:00Z)"}},
    // From 02:30 CEST (first pass): 02:45 CEST, then the repeated hour again in CET every 15 real minutes,
    // then 03:00 CET.
    {"BerlinFallBackQuarterHours",
     "*/15 * * * *",
     "Europe/Berlin",
     "2026-10-25T00:30:00Z",
     {"2026-10-25 02:45 +02:00 (2026-10-25T00:45:00Z)", "2026-10-25 02:00 +01:00 (2026-10-25T01:00:00Z)",
      "2026-10-25 02:15 +01:00 (2026-10-25T01:15:00Z)", "2026-10-25 02:30 +01:00 (2026-10-25T01:30:00Z)",
      "2026-10-25 02:45 +01:00 (2026-10-25T01:45:00Z)", "2026-10-25 03:00 +01:00 (2026-10-25T02:00:00Z)"}},
    // The clock never shows 02:30 on 29 March, so an hourly job at :30 goes from 01:30 CET to 03:30 CEST,
    // one real hour.
    {"BerlinSpringHourlySkipsTheMissingHour",
     "30 * * * *",
     "Europe/Berlin",
     "2026-03-29T00:00:00Z",
     {"2026-03-29 01:30 +01:00 (2026-03-29T00:30:00Z)", "2026-03-29 03:30 +02:00 (2026-03-29T01:30:00Z)"}},
    // 02:00, 02:15, 02:30 and 02:45 of 29 March all fall in the gap: one fire at 03:00 CEST, not four.
    {"BerlinSpringFixedHourMinuteStepsFireOnce",
     "*/15 2 * * *",
     "Europe/Berlin",
     "2026-03-28T23:00:00Z",
     {"2026-03-29 03:00 +02:00 (2026-03-29T01:00:00Z)", "2026-03-30 02:00 +02:00 (2026-03-30T00:00:00Z)"}},
    // Local midnight is 23:00Z before the change and 22:00Z after it.
    {"BerlinDailyAcrossSpring",
     "@daily",
     "Europe/Berlin",
     "2026-03-28T12:00:00Z",
     {"2026-03-29 00:00 +01:00 (2026-03-28T23:00:00Z)", "2026-03-30 00:00 +02:00 (2026-03-29T22:00:00Z)"}},

    // America/New_York 2026: daylight time starts Sunday 8 March at 07:00Z (02:00 EST -> 03:00 EDT) and
    // ends Sunday 1 November at 06:00Z (02:00 EDT -> 01:00 EST, so 01:00-01:59 happens twice).

    // 01:00 is 05:00Z (EDT) and 06:00Z (EST) on 1 November: the first; on 2 November 01:00 EST is 06:00Z.
    {"NewYorkFallBackFixedHourOnce",
     "0 1 * * *",
     "America/New_York",
     "2026-10-31T12:00:00Z",
     {"2026-11-01 01:00 -04:00 (2026-11-01T05:00:00Z)", "2026-11-02 01:00 -05:00 (2026-11-02T06:00:00Z)"}},
    // A fixed hour with a minute step: the repeated 01:00 and 01:30 fire only in their first pass.
    {"NewYorkFallBackFixedHourMinuteSteps",
     "*/30 1 * * *",
     "America/New_York",
     "2026-11-01T04:00:00Z",
     {"2026-11-01 01:00 -04:00 (2026-11-01T05:00:00Z)", "2026-11-01 01:30 -04:00 (2026-11-01T05:30:00Z)",
      "2026-11-02 01:00 -05:00 (2026-11-02T06:00:00Z)"}},
    // From 01:30 EDT (05:30Z): 01:45 EDT, then 01:00-01:45 EST again, then 02:00 EST.
    {"NewYorkFallBackQuarterHours",
     "*/15 * * * *",
     "America/New_York",
     "2026-11-01T05:30:00Z",
     {"2026-11-01 01:45 -04:00 (2026-11-01T05:45:00Z)", "2026-11-01 01:00 -05:00 (2026-11-01T06:00:00Z)",
      "2026-11-01 01:15 -05:00 (2026-11-01T06:15:00Z)", "2026-11-01 01:30 -05:00 (2026-11-01T06:30:00Z)",
      "2026-11-01 01:45 -05:00 (2026-11-01T06:45:00Z)", "2026-11-01 02:00 -05:00 (2026-11-01T07:00:00Z)"}},
    // From inside the second pass (01:10 EST = 06:10Z, local 01:10 comes after 01:15's first pass), the
    // walk still finds 01:15 EST.
    {"NewYorkFromInsideTheRepeatedHour",
     "*/15 * * * *",
     "America/New_York",
     "2026-11-01T06:10:00Z",
     {"2026-11-01 01:15 -05:00 (2026-11-01T06:15:00Z)"}},
    // 01:45 EST (06:45Z), then 03:00 EDT (07:00Z).
    {"NewYorkSpringQuarterHours",
     "*/15 * * * *",
     "America/New_York",
     "2026-03-08T06:30:00Z",
     {"2026-03-08 01:45 -05:00 (2026-03-08T06:45:00Z)", "2026-03-08 03:00 -04:00 (2026-03-08T07:00:00Z)",
      "2026-03-08 03:15 -04:00 (2026-03-08T07:15:00Z)"}},
    // 01:00 shows twice, an hour apart, and an hourly job fires both times: every real hour.
    {"NewYorkFallBackHourly",
     "0 * * * *",
     "America/New_York",
     "2026-11-01T03:30:00Z",
     {"2026-11-01 00:00 -04:00 (2026-11-01T04:00:00Z)", "2026-11-01 01:00 -04:00 (2026-11-01T05:00:00Z)",
      "2026-11-01 01:00 -05:00 (2026-11-01T06:00:00Z)", "2026-11-01 02:00 -05:00 (2026-11-01T07:00:00Z)"}},

    // Australia/Lord_Howe 2026: a 30-minute shift. Daylight time (+11:00) ends Sunday 5 April at 15:00Z
    // (02:00 -> 01:30 +10:30, so 01:30-01:59 happens twice) and starts Sunday 4 October at 15:30Z
    // (02:00 +10:30 -> 02:30 +11:00, so 02:00-02:29 does not exist).

    // 02:15 is skipped on 4 October: the fixed-time job fires at the gap's end, 02:30 +11:00.
    {"LordHoweSpringFixedTimeAtTheGapEnd",
     "15 2 * * *",
     "Australia/Lord_Howe",
     "2026-10-02T12:00:00Z",
     {"2026-10-03 02:15 +10:30 (2026-10-02T15:45:00Z)", "2026-10-04 02:30 +11:00 (2026-10-03T15:30:00Z)"}},
    // 01:40 shows twice on 5 April (14:40Z at +11:00, 15:10Z at +10:30); an every-20-minutes job fires at
    // both, then at 02:00 +10:30 (15:30Z).
    {"LordHoweFallBackTwentyMinutes",
     "*/20 * * * *",
     "Australia/Lord_Howe",
     "2026-04-04T14:20:00Z",
     {"2026-04-05 01:40 +11:00 (2026-04-04T14:40:00Z)", "2026-04-05 01:40 +10:30 (2026-04-04T15:10:00Z)",
      "2026-04-05 02:00 +10:30 (2026-04-04T15:30:00Z)"}},

    // Santiago springs forward at 24:00 -> 01:00 on 6 September 2026: @daily fires at 01:00 -03:00, exactly
    // 24 real hours after 5 September 00:00 -04:00.
    {"SantiagoMidnightSkipped",
     "@daily",
     "America/Santiago",
     "2026-09-04T12:00:00Z",
     {"2026-09-05 00:00 -04:00 (2026-09-05T04:00:00Z)", "2026-09-06 01:00 -03:00 (2026-09-06T04:00:00Z)",
      "2026-09-07 00:00 -03:00 (2026-09-07T03:00:00Z)"}},

    // 29 February comes next in 2028, then 2032.
    {"LeapDayFrom2025",
     "0 0 29 2 *",
     "UTC",
     "2025-01-01T00:00:00Z",
     {"2028-02-29 00:00 +00:00 (2028-02-29T00:00:00Z)", "2032-02-29 00:00 +00:00 (2032-02-29T00:00:00Z)"}},
    // 2100 is not a leap year: from 2096's leap day the next is 2104's, 2921 days later, inside the search.
    {"LeapDayAcross2100",
     "0 0 29 2 *",
     "UTC",
     "2096-02-29T00:00:00Z",
     {"2104-02-29 00:00 +00:00 (2104-02-29T00:00:00Z)"}},
    // In Berlin, local midnight of the leap day is 23:00Z the day before.
    {"LeapDayInBerlin",
     "0 0 29 2 *",
     "Europe/Berlin",
     "2025-06-01T00:00:00Z",
     {"2028-02-29 00:00 +01:00 (2028-02-28T23:00:00Z)"}},
    // The last day of February: the 28th in 2027, the 29th in 2028.
    {"LastDayOfFebruary",
     "0 12 L 2 *",
     "UTC",
     "2027-01-01T00:00:00Z",
     {"2027-02-28 12:00 +00:00 (2027-02-28T12:00:00Z)", "2028-02-29 12:00 +00:00 (2028-02-29T12:00:00Z)"}},
    // Every month's last day from mid-January 2028: 31, 29 (leap year), 31, 30.
    {"LastDayOfEachMonth",
     "0 12 L * *",
     "UTC",
     "2028-01-15T00:00:00Z",
     {"2028-01-31 12:00 +00:00 (2028-01-31T12:00:00Z)", "2028-02-29 12:00 +00:00 (2028-02-29T12:00:00Z)",
      "2028-03-31 12:00 +00:00 (2028-03-31T12:00:00Z)", "2028-04-30 12:00 +00:00 (2028-04-30T12:00:00Z)"}},
    // L-1 is the day before the last: 27 February 2027, 28 February 2028.
    {"DayBeforeTheLastOfFebruary",
     "0 0 L-1 2 *",
     "UTC",
     "2027-01-01T00:00:00Z",
     {"2027-02-27 00:00 +00:00 (2027-02-27T00:00:00Z)", "2028-02-28 00:00 +00:00 (2028-02-28T00:00:00Z)"}},

    // Both day fields restricted: the 13th or any Friday. January 2026's Fridays are the 2nd, 9th, 16th.
    {"ThirteenthOrFriday",
     "0 0 13 * FRI",
     "UTC",
     "2026-01-01T00:00:00Z",
     {"2026-01-02 00:00 +00:00 (2026-01-02T00:00:00Z)", "2026-01-09 00:00 +00:00 (2026-01-09T00:00:00Z)",
      "2026-01-13 00:00 +00:00 (2026-01-13T00:00:00Z)", "2026-01-16 00:00 +00:00 (2026-01-16T00:00:00Z)"}},
    // Day-of-month starts with *: both must match, odd days that are Mondays (5, 19 January; 9, 23 February).
    {"OddDaysThatAreMondays",
     "0 0 */2 * MON",
     "UTC",
     "2026-01-01T00:00:00Z",
     {"2026-01-05 00:00 +00:00 (2026-01-05T00:00:00Z)", "2026-01-19 00:00 +00:00 (2026-01-19T00:00:00Z)",
      "2026-02-09 00:00 +00:00 (2026-02-09T00:00:00Z)", "2026-02-23 00:00 +00:00 (2026-02-23T00:00:00Z)"}},

    // 15 May 2026 is a Friday: Sunday is the 17th, whether written 0, 7 or SUN.
    {"SundayAsZero",
     "0 9 * * 0",
     "UTC",
     "2026-05-15T00:00:00Z",
     {"2026-05-17 09:00 +00:00 (2026-05-17T09:00:00Z)"}},
    {"SundayAsSeven",
     "0 9 * * 7",
     "UTC",
     "2026-05-15T00:00:00Z",
     {"2026-05-17 09:00 +00:00 (2026-05-17T09:00:00Z)"}},
    {"SundayByName",
     "0 9 * * SUN",
     "UTC",
     "2026-05-15T00:00:00Z",
     {"2026-05-17 09:00 +00:00 (2026-05-17T09:00:00Z)"}},
    // Friday to Sunday as 5-7, from Thursday the 14th.
    {"FridayToSundayAs5To7",
     "0 9 * * 5-7",
     "UTC",
     "2026-05-14T00:00:00Z",
     {"2026-05-15 09:00 +00:00 (2026-05-15T09:00:00Z)", "2026-05-16 09:00 +00:00 (2026-05-16T09:00:00Z)",
      "2026-05-17 09:00 +00:00 (2026-05-17T09:00:00Z)", "2026-05-22 09:00 +00:00 (2026-05-22T09:00:00Z)"}},

    // From Friday 15 May 2026 10:20Z: the next full hour, midnight, Sunday the 17th, 1 June, 1 January 2027.
    {"Hourly", "@hourly", "UTC", "2026-05-15T10:20:00Z", {"2026-05-15 11:00 +00:00 (2026-05-15T11:00:00Z)"}},
    {"Daily", "@daily", "UTC", "2026-05-15T10:20:00Z", {"2026-05-16 00:00 +00:00 (2026-05-16T00:00:00Z)"}},
    {"Midnight",
     "@midnight",
     "UTC",
     "2026-05-15T10:20:00Z",
     {"2026-05-16 00:00 +00:00 (2026-05-16T00:00:00Z)"}},
    {"Weekly", "@weekly", "UTC", "2026-05-15T10:20:00Z", {"2026-05-17 00:00 +00:00 (2026-05-17T00:00:00Z)"}},
    {"Monthly",
     "@monthly",
     "UTC",
     "2026-05-15T10:20:00Z",
     {"2026-06-01 00:00 +00:00 (2026-06-01T00:00:00Z)"}},
    {"Yearly", "@yearly", "UTC", "2026-05-15T10:20:00Z", {"2027-01-01 00:00 +00:00 (2027-01-01T00:00:00Z)"}},
    {"Annually",
     "@annually",
     "UTC",
     "2026-05-15T10:20:00Z",
     {"2027-01-01 00:00 +00:00 (2027-01-01T00:00:00Z)"}},

    // A fire time is not its own successor; a start inside a minute counts from that instant.
    {"NotItsOwnSuccessor",
     "0 12 * * *",
     "UTC",
     "2026-01-01T12:00:00Z",
     {"2026-01-02 12:00 +00:00 (2026-01-02T12:00:00Z)"}},
    {"AMillisecondBefore",
     "0 12 * * *",
     "UTC",
     "2026-01-01T11:59:59.999Z",
     {"2026-01-01 12:00 +00:00 (2026-01-01T12:00:00Z)"}},
    {"FromInsideAMinute",
     "* * * * *",
     "UTC",
     "2026-01-01T00:00:30Z",
     {"2026-01-01 00:01 +00:00 (2026-01-01T00:01:00Z)", "2026-01-01 00:02 +00:00 (2026-01-01T00:02:00Z)"}},
    // Weekdays 09:00 in December only: from March the walk jumps to Tuesday 1 December.
    {"MonthsAreSkipped",
     "0 9 * DEC MON-FRI",
     "UTC",
     "2026-03-01T00:00:00Z",
     {"2026-12-01 09:00 +00:00 (2026-12-01T09:00:00Z)"}},
};

class NextFireCase : public testing::TestWithParam<FireCase> {};

TEST_P(NextFireCase, FiresAtTheDerivedInstants) {
  const FireCase& c = GetParam();
  const auto zone = model::TimeZone::Locate(c.zone);
  std::vector<std::string> fires;
  const auto count = static_cast<int>(c.fires.size());
  for (const auto at :
       NextFires(CronExpression::Parse(c.expression), zone, *model::ParseIsoTimestamp(c.from), count)) {
    fires.push_back(FormatFireTime(zone, at));
  }
  EXPECT_EQ(fires, c.fires);
}

INSTANTIATE_TEST_SUITE_P(NextFire, NextFireCase, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<FireCase>& info) { return info.param.name; });

TEST(NextFire, ExpressionsThatNeverFireAreAClearError) {
  const auto utc = model::TimeZone::Utc();
  for (const char* never : {"0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 L-29 FEB *"}) {
    try {
      NextFire(CronExpression::Parse(never), utc, *model::ParseIsoTimestamp("2026-01-01T00:00:00Z"));
      FAIL() << never;
    } catch (const std::invalid_argument& e) {
      EXPECT_EQ(std::string(e.what()),
                "'" + std::string(never) +
                    "' never fires: nothing matches it in the 8 years searched (a date "
                    "such as 30 February never comes)");
    }
  }
}

TEST(LatestFire, IsTheLastFireAtOrBeforeNowWithinTheWindow) {
  const auto berlin = model::TimeZone::Locate("Europe/Berlin");
  const auto monthly = CronExpression::Parse("0 7 1 * *");
  const auto at = [](const char* text) { return *model::ParseIsoTimestamp(text); };
  constexpr std::int64_t kDay = 86'400'000;
  // 07:00 in Berlin on 1 November 2026 is 06:00 UTC (CET).
  EXPECT_EQ(LatestFire(monthly, berlin, at("2026-11-01T06:00:00Z"), kDay), at("2026-11-01T06:00:00Z"));
  EXPECT_EQ(LatestFire(monthly, berlin, at("2026-11-01T20:00:00Z"), kDay), at("2026-11-01T06:00:00Z"));
  EXPECT_EQ(LatestFire(monthly, berlin, at("2026-11-01T05:59:59Z"), kDay), std::nullopt);
  EXPECT_EQ(LatestFire(monthly, berlin, at("2026-11-02T06:00:01Z"), kDay), std::nullopt)
      << "older than the window";
  const auto hourly = CronExpression::Parse("@hourly");
  EXPECT_EQ(LatestFire(hourly, berlin, at("2026-11-01T10:59:00Z"), kDay), at("2026-11-01T10:00:00Z"));
}

}  // namespace
}  // namespace creditlens::schedule

#include "schedule/cron_expression.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "model/time_zone.h"
#include "model/timestamp.h"

namespace creditlens::schedule {
namespace {

std::vector<int> Minutes(const CronExpression& cron) {
  std::vector<int> out;
  for (int m = 0; m < 60; ++m) {
    if (cron.MatchesMinute(m)) out.push_back(m);
  }
  return out;
}

std::vector<int> Hours(const CronExpression& cron) {
  std::vector<int> out;
  for (int h = 0; h < 24; ++h) {
    if (cron.MatchesHour(h)) out.push_back(h);
  }
  return out;
}

std::vector<int> Months(const CronExpression& cron) {
  std::vector<int> out;
  for (unsigned m = 1; m <= 12; ++m) {
    if (cron.MatchesMonth(m)) out.push_back(static_cast<int>(m));
  }
  return out;
}

// The days of [first, last] (YYYY-MM-DD) that match, as day-of-month numbers.
std::vector<int> Days(const CronExpression& cron, const char* first, const char* last) {
  std::vector<int> out;
  for (auto day = *model::ParseIsoDate(first); day <= *model::ParseIsoDate(last); ++day) {
    if (cron.MatchesDay(day)) out.push_back(static_cast<int>(model::ToCivil(day).day));
  }
  return out;
}

CronExpression Cron(const char* text) { return CronExpression::Parse(text); }

using Ints = std::vector<int>;

TEST(CronParse, StarListRangeAndSteps) {
  EXPECT_EQ(Minutes(Cron("* * * * *")).size(), 60U);
  EXPECT_EQ(Minutes(Cron("5,10,59 * * * *")), (Ints{5, 10, 59}));
  EXPECT_EQ(Minutes(Cron("10-13 * * * *")), (Ints{10, 11, 12, 13}));
  EXPECT_EQ(Minutes(Cron("*/15 * * * *")), (Ints{0, 15, 30, 45}));
  EXPECT_EQ(Minutes(Cron("1-10/2 * * * *")), (Ints{1, 3, 5, 7, 9}));
  EXPECT_EQ(Minutes(Cron("50/4 * * * *")), (Ints{50, 54, 58}));  // a/s runs to the end of the field
  EXPECT_EQ(Minutes(Cron("0-5/3,30,*/20 * * * *")), (Ints{0, 3, 20, 30, 40}));
  EXPECT_EQ(Hours(Cron("0 */6 * * *")), (Ints{0, 6, 12, 18}));
  EXPECT_EQ(Hours(Cron("0 9-17/4 * * *")), (Ints{9, 13, 17}));
  EXPECT_EQ(Minutes(Cron("*/60 * * * *")), (Ints{0}));  // a step as long as the field: its first value
}

TEST(CronParse, WhitespaceBetweenFieldsIsFree) {
  const auto cron = Cron("  30\t2   * *  *  ");
  EXPECT_EQ(cron.text(), "30\t2   * *  *");
  EXPECT_EQ(Hours(cron), (Ints{2}));
}

TEST(CronParse, MonthNamesAnyCase) {
  EXPECT_EQ(Months(Cron("0 0 1 JAN,jun,Dec *")), (Ints{1, 6, 12}));
  EXPECT_EQ(Months(Cron("0 0 1 mar-MAY *")), (Ints{3, 4, 5}));
  EXPECT_EQ(Months(Cron("0 0 1 JAN-DEC/3 *")), (Ints{1, 4, 7, 10}));
  EXPECT_EQ(Months(Cron("0 0 1 2,sep *")), (Ints{2, 9}));
}

TEST(CronParse, DayNamesAndSundayAsZeroOrSeven) {
  // 2026-05-11 is a Monday; the week runs to Sunday 2026-05-17.
  EXPECT_EQ(Days(Cron("0 0 * * MON-FRI"), "2026-05-11", "2026-05-17"), (Ints{11, 12, 13, 14, 15}));
  EXPECT_EQ(Days(Cron("0 0 * * sat,Sun"), "2026-05-11", "2026-05-17"), (Ints{16, 17}));
  for (const char* sunday : {"0 0 * * 0", "0 0 * * 7", "0 0 * * SUN", "0 0 * * sun"}) {
    EXPECT_EQ(Days(Cron(sunday), "2026-05-11", "2026-05-17"), (Ints{17})) << sunday;
  }
  EXPECT_EQ(Days(Cron("0 0 * * 5-7"), "2026-05-11", "2026-05-17"), (Ints{15, 16, 17}));      // Fri-Sun
  EXPECT_EQ(Days(Cron("0 0 * * */2"), "2026-05-11", "2026-05-17"), (Ints{12, 14, 16, 17}));  // 0,2,4,6
}

TEST(CronParse, LastDayOfTheMonth) {
  EXPECT_EQ(Days(Cron("0 0 L * *"), "2027-02-01", "2027-02-28"), (Ints{28}));
  EXPECT_EQ(Days(Cron("0 0 L * *"), "2028-02-01", "2028-02-29"), (Ints{29}));  // leap year
  EXPECT_EQ(Days(Cron("0 0 l * *"), "2026-04-01", "2026-04-30"), (Ints{30}));
  EXPECT_EQ(Days(Cron("0 0 L-1 * *"), "2027-02-01", "2027-02-28"), (Ints{27}));
  EXPECT_EQ(Days(Cron("0 0 L-1 * *"), "2028-02-01", "2028-02-29"), (Ints{28}));
  EXPECT_EQ(Days(Cron("0 0 1,15,L * *"), "2026-01-01", "2026-01-31"), (Ints{1, 15, 31}));
  EXPECT_EQ(Days(Cron("0 0 L-30 * *"), "2026-02-01", "2026-03-31"), (Ints{1}));  // only 31-day months have it
}

TEST(CronParse, DayOfMonthOrDayOfWeekWhenBothAreRestricted) {
  // January 2026: Fridays are the 2nd, 9th, 16th, 23rd and 30th; the 13th is a Tuesday.
  EXPECT_EQ(Days(Cron("0 0 13 * FRI"), "2026-01-01", "2026-01-31"), (Ints{2, 9, 13, 16, 23, 30}));
  // A day field that starts with * is not a restriction: then both must match (Vixie cron).
  EXPECT_EQ(Days(Cron("0 0 */2 * FRI"), "2026-01-01", "2026-01-31"), (Ints{9, 23}));
  EXPECT_EQ(Days(Cron("0 0 13 * *"), "2026-01-01", "2026-01-31"), (Ints{13}));
  // September 2026: Mondays are the 7th to the 28th; the last day, the 30th, is a Wednesday.
  EXPECT_EQ(Days(Cron("0 0 L * 1"), "2026-09-01", "2026-09-30"), (Ints{7, 14, 21, 28, 30}));
}

TEST(CronParse, MonthRestrictsEveryDayRule) {
  EXPECT_EQ(Days(Cron("0 0 13 2 FRI"), "2026-01-01", "2026-01-31"), (Ints{}));
  EXPECT_EQ(Days(Cron("0 0 13 1 FRI"), "2026-01-01", "2026-01-10"), (Ints{2, 9}));
}

TEST(CronParse, Macros) {
  const std::vector<std::pair<const char*, const char*>> same = {
      {"@yearly", "0 0 1 1 *"}, {"@annually", "0 0 1 1 *"}, {"@monthly", "0 0 1 * *"},
      {"@weekly", "0 0 * * 0"}, {"@daily", "0 0 * * *"},    {"@midnight", "0 0 * * *"},
      {"@hourly", "0 * * * *"}, {"@DAILY", "0 0 * * *"},
  };
  for (const auto& [macro, fields] : same) {
    const auto a = Cron(macro);
    const auto b = Cron(fields);
    EXPECT_EQ(a.text(), macro);
    EXPECT_EQ(Minutes(a), Minutes(b)) << macro;
    EXPECT_EQ(Hours(a), Hours(b)) << macro;
    EXPECT_EQ(Months(a), Months(b)) << macro;
    EXPECT_EQ(Days(a, "2026-01-01", "2026-01-31"), Days(b, "2026-01-01", "2026-01-31")) << macro;
    EXPECT_EQ(a.fixed_hour(), b.fixed_hour()) << macro;
  }
}

TEST(CronParse, FixedHourUnlessTheHourFieldStartsWithStar) {
  EXPECT_TRUE(Cron("30 2 * * *").fixed_hour());
  EXPECT_TRUE(Cron("*/15 1-3 * * *").fixed_hour());
  EXPECT_TRUE(Cron("0 0-23 * * *").fixed_hour());
  EXPECT_TRUE(Cron("@daily").fixed_hour());
  EXPECT_FALSE(Cron("*/15 * * * *").fixed_hour());
  EXPECT_FALSE(Cron("0 */2 * * *").fixed_hour());
  EXPECT_FALSE(Cron("@hourly").fixed_hour());
}

// The message of the std::invalid_argument that parsing text throws.
std::string ParseError(const char* text) {
  try {
    CronExpression::Parse(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(parsed)";
}

TEST(CronParse, ErrorsNameTheFieldAndWhatWasExpected) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"", "empty cron expression"},
      {"* * * *",
       "expected 5 fields (minute hour day-of-month month day-of-week) or a macro like @daily, got 4 in '* * "
       "* *'"},
      {"0 0 0 * * *",
       "expected 5 fields (minute hour day-of-month month day-of-week) or a macro like @daily, "
       "got 6 in '0 0 0 * * *'"},
      {"@fortnightly",
       "unknown macro '@fortnightly' (accepted: @yearly, @annually, @monthly, @weekly, @daily, @midnight, "
       "@hourly)"},
      {"60 * * * *", "minute: '60' is out of range 0-59"},
      {"x * * * *", "minute: 'x' is not a number 0-59"},
      {"1,,2 * * * *", "minute: empty list element in '1,,2'"},
      {"5, * * * *", "minute: empty list element in '5,'"},
      {"*/0 * * * *", "minute: step '0' is out of range 1-60"},
      {"*/90 * * * *", "minute: step '90' is out of range 1-60"},
      {"*/x * * * *", "minute: step 'x' is not a number 1-60"},
      {"0 24 * * *", "hour: '24' is out of range 0-23"},
      {"0 5-2 * * *", "hour: range '5-2' goes backwards (ranges do not wrap around)"},
      {"0 L * * *", "hour: 'L' is not a number 0-23"},
      {"0 0 0 * *", "day-of-month: '0' is out of range 1-31"},
      {"0 0 32 * *", "day-of-month: '32' is out of range 1-31"},
      {"0 0 L-31 * *", "day-of-month: 'L-31' is out of range L-1 to L-30"},
      {"0 0 LW * *", "day-of-month: 'LW' is not a day 1-31, L or L-N"},
      {"0 0 ? * *", "day-of-month: '?' is not a day 1-31, L or L-N"},
      {"0 0 1 13 *", "month: '13' is out of range 1-12"},
      {"0 0 1 JANUARY *", "month: 'JANUARY' is not a month 1-12 or JAN-DEC"},
      {"0 0 1 DEC-JAN *", "month: range 'DEC-JAN' goes backwards (ranges do not wrap around)"},
      {"0 0 * * 8", "day-of-week: '8' is out of range 0-7"},
      {"0 0 * * FUN", "day-of-week: 'FUN' is not a day 0-7 or SUN-SAT"},
      {"0 0 * * 5L", "day-of-week: '5L' is not a day 0-7 or SUN-SAT"},
      {"99999999999 * * * *", "minute: '99999999999' is out of range 0-59"},
  };
  for (const auto& [text, message] : cases) EXPECT_EQ(ParseError(text), message) << text;
}

}  // namespace
}  // namespace creditlens::schedule

#include "projection/feature_changes.h"

#include <gtest/gtest.h>

#include "model/timestamp.h"

namespace creditlens::projection {
namespace {

std::int32_t Day(const char* date) { return *model::ParseIsoDate(date); }

FeatureChange Change(ChangeKind kind, double amount, RatePer per = RatePer::kDay) {
  FeatureChange change;
  change.feature = "inference";
  change.kind = kind;
  change.amount = amount;
  change.per = per;
  return change;
}

TEST(FeatureChanges, AmountsPerWeekAndMonthSpreadOverTheirDays) {
  EXPECT_DOUBLE_EQ(DailyAmount(Change(ChangeKind::kAdd, 70, RatePer::kWeek), Day("2026-12-05")), 10);
  EXPECT_DOUBLE_EQ(DailyAmount(Change(ChangeKind::kAdd, 310, RatePer::kMonth), Day("2026-12-05")), 10);
  EXPECT_DOUBLE_EQ(DailyAmount(Change(ChangeKind::kAdd, 280, RatePer::kMonth), Day("2027-02-28")), 10);
  EXPECT_DOUBLE_EQ(DailyAmount(Change(ChangeKind::kAdd, 290, RatePer::kMonth), Day("2028-02-10")), 10);
}

TEST(FeatureChanges, WeightFollowsDatesAndRamp) {
  FeatureChange change = Change(ChangeKind::kScale, 2);
  change.from_day = Day("2026-12-01");
  change.ramp_until_day = Day("2026-12-10");
  change.until_day = Day("2026-12-31");
  const std::int32_t first = Day("2026-11-23"), last = Day("2027-01-31");
  EXPECT_DOUBLE_EQ(ChangeWeight(change, Day("2026-11-30"), first, last), 0);
  EXPECT_DOUBLE_EQ(ChangeWeight(change, Day("2026-12-01"), first, last), 0.1);
  EXPECT_DOUBLE_EQ(ChangeWeight(change, Day("2026-12-05"), first, last), 0.5);
  EXPECT_DOUBLE_EQ(ChangeWeight(change, Day("2026-12-10"), first, last), 1);
  EXPECT_DOUBLE_EQ(ChangeWeight(change, Day("2026-12-31"), first, last), 1);
  EXPECT_DOUBLE_EQ(ChangeWeight(change, Day("2027-01-01"), first, last), 0);
  // Without dates: the whole projection.
  const FeatureChange always = Change(ChangeKind::kAdd, 1);
  EXPECT_DOUBLE_EQ(ChangeWeight(always, first, first, last), 1);
  EXPECT_DOUBLE_EQ(ChangeWeight(always, last, first, last), 1);
}

TEST(FeatureChanges, ComposeInTheOrderGiven) {
  const FeatureChange scale = Change(ChangeKind::kScale, 2);
  const FeatureChange add = Change(ChangeKind::kAdd, 10);
  const std::int32_t day = Day("2026-12-01");
  const FeatureChange* scale_then_add[] = {&scale, &add};
  const FeatureChange* add_then_scale[] = {&add, &scale};
  const auto a = ComposeChanges(scale_then_add, day, day);
  const auto b = ComposeChanges(add_then_scale, day, day);
  EXPECT_DOUBLE_EQ(a[0].scale, 2);
  EXPECT_DOUBLE_EQ(a[0].add, 10);
  EXPECT_DOUBLE_EQ(b[0].scale, 2);
  EXPECT_DOUBLE_EQ(b[0].add, 20);
}

TEST(FeatureChanges, SetReplacesTheRateAsItRampsIn) {
  FeatureChange set = Change(ChangeKind::kSet, 40);
  set.from_day = Day("2026-12-01");
  set.ramp_until_day = Day("2026-12-04");
  const auto days =
      ComposeChanges(std::vector<const FeatureChange*>{&set}, Day("2026-11-30"), Day("2026-12-05"));
  ASSERT_EQ(days.size(), 6u);
  EXPECT_DOUBLE_EQ(days[0].scale, 1);  // before it starts
  EXPECT_DOUBLE_EQ(days[0].add, 0);
  EXPECT_DOUBLE_EQ(days[1].scale, 0.75);  // weight 1/4
  EXPECT_DOUBLE_EQ(days[1].add, 10);
  EXPECT_DOUBLE_EQ(days[4].scale, 0);  // full weight: the rate is 40 whatever the baseline
  EXPECT_DOUBLE_EQ(days[4].add, 40);
}

// A constant 10 credits a day, changed, summed by hand.
double Total(const std::vector<const FeatureChange*>& changes, std::int32_t first, std::int32_t last) {
  const ForecastModel model = FitForecast({first - 7, std::vector<double>(7, 10.0)}, Method::kCurrentRate);
  const auto adjustments = ComposeChanges(changes, first, last);
  const FeatureForecast forecast(model, adjustments);
  return forecast.MeanSum(0, forecast.size() - 1);
}

TEST(FeatureChanges, HandComputedTotals) {
  const std::int32_t first = Day("2026-12-01"), last = Day("2026-12-30");  // 30 days
  FeatureChange scale = Change(ChangeKind::kScale, 1.5);
  scale.from_day = Day("2026-12-11");
  EXPECT_DOUBLE_EQ(Total({&scale}, first, last), 10 * 10 + 20 * 15);

  FeatureChange stop = Change(ChangeKind::kSet, 0);
  stop.from_day = Day("2026-12-21");
  EXPECT_DOUBLE_EQ(Total({&stop}, first, last), 20 * 10);

  FeatureChange weekly = Change(ChangeKind::kAdd, 70, RatePer::kWeek);
  weekly.from_day = Day("2026-12-05");
  weekly.until_day = Day("2026-12-18");
  EXPECT_DOUBLE_EQ(Total({&weekly}, first, last), 300 + 14 * 10);

  FeatureChange ramp = Change(ChangeKind::kAdd, 30);
  ramp.from_day = Day("2026-12-01");
  ramp.ramp_until_day = Day("2026-12-03");  // +10, +20, then +30 a day
  EXPECT_DOUBLE_EQ(Total({&ramp}, first, last), 300 + 10 + 20 + 28 * 30);
}

}  // namespace
}  // namespace creditlens::projection

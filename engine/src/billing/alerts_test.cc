#include "billing/alerts.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "billing/billing_test_support.h"

namespace creditlens::billing {
namespace {

using ::testing::ElementsAre;

// 100 included per month, a 20-credit grant, flex capped at 50.
Workspace AlertWorkspace() {
  return MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(100))},
                       {Grant("g1", C(20), "2026-03-01T00:00:00Z", std::nullopt, 1)},
                       /*flex_enabled=*/true, C(50));
}

std::vector<UsageBucket> AlertUsage() {
  return {Use("2026-03-02T10:00:00Z", C(70)),    // included 70%
          Use("2026-03-02T11:00:00Z", C(10)),    // included 80%
          Use("2026-03-03T05:00:00Z", C(5)),     // included 85%
          Use("2026-03-04T06:00:00Z", C(30)),    // included 100%, grant 15 of 20
          Use("2026-03-04T07:00:00Z", C(45)),    // grant exhausted, flex 40 of 50
          Use("2026-03-04T08:00:00Z", C(20)),    // flex 50 of 50, over-limit 10
          Use("2026-04-02T00:00:00Z", C(85)),    // next cycle: included 85%
          Use("2026-04-03T00:00:00Z", C(100))};  // included 100%, flex 50 of 50, over-limit 35
}

std::vector<std::string> Describe(const std::vector<Alert>& alerts) {
  std::vector<std::string> lines;
  lines.reserve(alerts.size());
  for (const Alert& a : alerts) {
    lines.push_back(model::FormatIsoUtc(a.at_ms) + " " + ToString(a.kind) + " " +
                    std::to_string(a.threshold_percent) + "% c" + std::to_string(a.cycle) + " " + a.grant_id +
                    " " + FormatMicroCredits(a.used) + "/" + FormatMicroCredits(a.limit) + " " +
                    std::to_string(a.used_basis_points));
  }
  return lines;
}

std::vector<Alert> Evaluate(const std::vector<UsageBucket>& usage, const AlertOptions& options = {}) {
  const Workspace w = AlertWorkspace();
  return EvaluateAlerts(w, model::TimeZone::Utc(), usage, At("2026-04-10T00:00:00Z"), options);
}

TEST(Alerts, FireOncePerThresholdPerCycleAtTheHourTheyAreCrossed) {
  const std::vector<Alert> alerts = Evaluate(AlertUsage());
  EXPECT_THAT(Describe(alerts),
              ElementsAre("2026-03-02T11:00:00.000Z included_used 80% c0  80/100 8000",
                          "2026-03-04T06:00:00.000Z included_used 100% c0  100/100 10000",
                          "2026-03-04T07:00:00.000Z prepaid_exhausted 100% c0 g1 20/20 10000",
                          "2026-03-04T07:00:00.000Z flex_approached 80% c0  40/50 8000",
                          "2026-04-02T00:00:00.000Z included_used 80% c1  85/100 8500",
                          "2026-04-03T00:00:00.000Z included_used 100% c1  100/100 10000",
                          "2026-04-03T00:00:00.000Z flex_approached 80% c1  50/50 10000"));
  ASSERT_EQ(alerts.size(), 7u);
  EXPECT_EQ(alerts[0].cycle_start_ms, At("2026-03-01T00:00:00Z"));
  EXPECT_EQ(alerts[0].cycle_end_ms, At("2026-04-01T00:00:00Z"));
  EXPECT_EQ(alerts[0].local_day, Day("2026-03-02"));
  EXPECT_EQ(alerts[4].cycle_start_ms, At("2026-04-01T00:00:00Z"));
}

TEST(Alerts, ThresholdsAreConfigurable) {
  AlertOptions options;
  options.included_percents = {100, 50, 50};
  options.flex_percents = {100};
  EXPECT_THAT(Describe(Evaluate(AlertUsage(), options)),
              ElementsAre("2026-03-02T10:00:00.000Z included_used 50% c0  70/100 7000",
                          "2026-03-04T06:00:00.000Z included_used 100% c0  100/100 10000",
                          "2026-03-04T07:00:00.000Z prepaid_exhausted 100% c0 g1 20/20 10000",
                          "2026-03-04T08:00:00.000Z flex_approached 100% c0  50/50 10000",
                          "2026-04-02T00:00:00.000Z included_used 50% c1  85/100 8500",
                          "2026-04-03T00:00:00.000Z included_used 100% c1  100/100 10000",
                          "2026-04-03T00:00:00.000Z flex_approached 100% c1  50/50 10000"));
  options.flex_percents = {0};
  EXPECT_THROW(Evaluate(AlertUsage(), options), std::invalid_argument);
}

TEST(Alerts, AreDeterministicWhateverTheBucketOrder) {
  std::vector<UsageBucket> usage = AlertUsage();
  const auto expected = Describe(Evaluate(usage));
  std::reverse(usage.begin(), usage.end());
  EXPECT_EQ(Describe(Evaluate(usage)), expected);
}

TEST(Alerts, AnExpiringGrantIsNotExhaustedAndNoIncludedMeansNoIncludedAlerts) {
  const Workspace w = MakeWorkspace({Plan("free", "2026-03-01T00:00:00Z", 0)},
                                    {Grant("g1", C(20), "2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z", 1)});
  const std::vector<UsageBucket> usage = {Use("2026-03-02T10:00:00Z", C(5))};
  const auto alerts = EvaluateAlerts(w, model::TimeZone::Utc(), usage, At("2026-03-10T00:00:00Z"));
  EXPECT_TRUE(alerts.empty());
}

}  // namespace
}  // namespace creditlens::billing

#include "projection/ledger_split.h"

#include <gtest/gtest.h>

#include "billing/billing_test_support.h"

namespace creditlens::projection {
namespace {

using billing::At;
using billing::C;
using billing::Day;

// 1000 included a month from Nov 1, a 500-credit grant bought for $4.60, flex at $0.012.
class LedgerSplitTest : public ::testing::Test {
 protected:
  Workspace workspace = billing::MakeWorkspace(
      {billing::Plan("core", "2026-11-01T00:00:00Z", C(1000), BillingCycle::kMonthly, "0.012")},
      {billing::Grant("g1", C(500), "2026-11-01T00:00:00Z", std::nullopt, 0, "4.6")}, true);
  model::TimeZone zone = model::TimeZone::Utc();

  // 800 credits used before Nov 21, then `per_day` from Nov 21 through the horizon.
  std::vector<billing::UsageBucket> Usage(std::int64_t per_day, std::int32_t horizon) const {
    std::vector<billing::UsageBucket> usage = {billing::Use("2026-11-05T10:00:00Z", C(800))};
    for (std::int32_t day = Day("2026-11-21"); day <= horizon; ++day) {
      usage.push_back({zone.StartOfDay(day), "inference", "data", C(per_day)});
    }
    return usage;
  }
};

TEST_F(LedgerSplitTest, ProjectedUsageFillsIncludedThenPrepaidThenFlex) {
  const std::int32_t horizon = Day("2026-11-30");  // 10 days x 100 = 1000 projected
  const LedgerSplit split = SplitByLedger(workspace, zone, Usage(100, horizon), Day("2026-11-21"), horizon);
  // 200 included were left, then the grant's 500, then 300 flex.
  EXPECT_EQ(split.beyond.prepaid, C(500));
  EXPECT_EQ(split.beyond.flex, C(300));
  EXPECT_EQ(split.beyond.over_limit, 0);
  EXPECT_EQ(split.beyond.prepaid_value, 460);             // cents: the whole grant
  EXPECT_EQ(split.beyond.flex_cost, 360);                 // 300 x $0.012
  EXPECT_EQ(split.included_runs_out, Day("2026-11-22"));  // 100 on the 21st, the last 100 on the 22nd
  EXPECT_EQ(split.prepaid_runs_out, Day("2026-11-27"));
  ASSERT_EQ(split.cycles.size(), 1u);
  const CycleResult& cycle = split.cycles[0];
  EXPECT_EQ(cycle.first_day, Day("2026-11-01"));
  EXPECT_EQ(cycle.last_day, horizon);
  EXPECT_FALSE(cycle.cut_at_horizon);
  EXPECT_EQ(cycle.actual, C(800));
  EXPECT_EQ(cycle.projected, C(1000));
  EXPECT_EQ(cycle.included_applied, C(1000));
  EXPECT_EQ(cycle.prepaid_applied, C(500));
  EXPECT_EQ(cycle.flex_credits, C(300));
  EXPECT_EQ(cycle.flex_cost, 360);
}

TEST_F(LedgerSplitTest, HorizonCutsTheNextCycleAndIncludedResets) {
  const std::int32_t horizon = Day("2026-12-05");
  const LedgerSplit split = SplitByLedger(workspace, zone, Usage(100, horizon), Day("2026-11-21"), horizon);
  ASSERT_EQ(split.cycles.size(), 2u);
  EXPECT_TRUE(split.cycles[1].cut_at_horizon);
  EXPECT_EQ(split.cycles[1].first_day, Day("2026-12-01"));
  EXPECT_EQ(split.cycles[1].last_day, horizon);
  EXPECT_EQ(split.cycles[1].projected, C(500));
  EXPECT_EQ(split.cycles[1].included_applied, C(500));  // December's included covers it all
  EXPECT_FALSE(split.cycles[1].included_runs_out);
  EXPECT_EQ(split.beyond.flex, C(300));
}

TEST_F(LedgerSplitTest, PartOfAGrantIsValuedAtItsPricePerCredit) {
  const std::int32_t horizon = Day("2026-11-23");  // 300 projected: 200 included, 100 from the grant
  const LedgerSplit split = SplitByLedger(workspace, zone, Usage(100, horizon), Day("2026-11-21"), horizon);
  EXPECT_EQ(split.beyond.prepaid, C(100));
  EXPECT_EQ(split.beyond.prepaid_value, 92);  // 100 / 500 of $4.60
  EXPECT_EQ(split.beyond.flex, 0);
  EXPECT_FALSE(split.prepaid_runs_out);
}

TEST_F(LedgerSplitTest, FlexOffLeavesUsageOverTheLimit) {
  workspace.flex_enabled = false;
  const std::int32_t horizon = Day("2026-11-30");
  const LedgerSplit split = SplitByLedger(workspace, zone, Usage(100, horizon), Day("2026-11-21"), horizon);
  EXPECT_EQ(split.beyond.flex, 0);
  EXPECT_EQ(split.beyond.over_limit, C(300));
  EXPECT_EQ(split.beyond.flex_cost, 0);
}

}  // namespace
}  // namespace creditlens::projection

#include "billing/recommendations.h"

#include <gtest/gtest.h>

#include "billing/billing_test_support.h"

namespace creditlens::billing {
namespace {

RecommendationInput OnCore(const std::vector<MicroCredits>& used) {
  RecommendationInput in;
  for (const MicroCredits u : used) in.history.push_back({C(1000), u});
  in.plan = "core";
  in.included = C(1000);
  in.flex_price_per_credit = 15'000;  // $0.015
  in.price_per_credit = 10'000;       // $0.01
  in.flex_enabled = true;
  return in;
}

TEST(Recommend, ABundlePaysOffForAModestOverage) {
  // Overages 800, 600, 900: expected 766.666667 credits per cycle.
  const Recommendation r = Recommend(OnCore({C(1800), C(1600), C(1900)}));
  EXPECT_TRUE(r.change_recommended);
  EXPECT_EQ(r.cycles_considered, 3u);
  EXPECT_EQ(r.cycles_exceeded, 3u);
  EXPECT_EQ(r.expected_overage, C("766.666667"));
  ASSERT_EQ(r.options.size(), 3u);
  EXPECT_EQ(r.options[0].kind, OptionKind::kFlex);
  EXPECT_EQ(r.options[0].cost_per_cycle, 1150);  // 766.666667 x 0.015 = 11.500000005
  EXPECT_EQ(r.options[1].kind, OptionKind::kPrepaidBundle);
  EXPECT_EQ(r.options[1].cost_per_cycle, 920);  // one 1,000-credit bundle at 8% off
  EXPECT_EQ(r.options[1].bundle_count, 1u);
  EXPECT_EQ(r.options[1].credits_bought, C(1000));
  EXPECT_EQ(r.options[1].description, "1 x 1000-credit bundle at 8% off ($9.20 each)");
  EXPECT_EQ(r.options[2].kind, OptionKind::kPlanUpgrade);
  EXPECT_EQ(r.options[2].plan, "pro");
  EXPECT_EQ(r.options[2].cost_per_cycle, 3500);  // $45 - $10, nothing above 5,000
  ASSERT_TRUE(r.best);
  EXPECT_EQ(*r.best, OptionKind::kPrepaidBundle);
  EXPECT_EQ(r.saving_per_cycle, 230);
  EXPECT_EQ(r.margin_per_cycle, 230);
  EXPECT_EQ(
      r.summary,
      "included credits were exceeded in 3 of the last 3 closed cycles; expected overage 766.666667 credits "
      "per "
      "cycle. Cheapest: 1 x 1000-credit bundle at 8% off ($9.20 each) at $9.20 per cycle, saving $2.30 per "
      "cycle against flex; the next option costs $2.30 more.");
}

TEST(Recommend, TheNextPlanWinsForALargeOverage) {
  // Overages 4200, 3800, 4000 (mean 4000); on pro, 200 above 5,000 once (mean 66.666667).
  const Recommendation r = Recommend(OnCore({C(900), C(5200), C(4800), C(5000)}));
  EXPECT_EQ(r.cycles_considered, 3u);  // the last three
  EXPECT_EQ(r.expected_overage, C(4000));
  EXPECT_EQ(r.options[0].cost_per_cycle, 6000);
  EXPECT_EQ(r.options[1].cost_per_cycle, 3680);  // 4 x $9.20 beats 1 x 5,000 at 12% off ($44.00)
  EXPECT_EQ(r.options[1].bundle_count, 4u);
  EXPECT_EQ(r.options[2].cost_per_cycle, 3600);  // $35 + 66.666667 x $0.015 = $36.000000005
  EXPECT_EQ(*r.best, OptionKind::kPlanUpgrade);
  EXPECT_EQ(r.saving_per_cycle, 2400);
  EXPECT_EQ(r.margin_per_cycle, 80);
}

TEST(Recommend, AWorkspaceIsNeverUpgradedToItsOwnPlan) {
  // Subscribed to "pro" with a custom 1,000 credits, below the list's pro tier of 5,000: the upgrade
  // is the next other plan (business, $160 - $45 = $115), not pro again for $0.
  RecommendationInput in = OnCore({C(1800), C(1600), C(1900)});
  in.plan = "pro";
  const Recommendation r = Recommend(in);
  ASSERT_EQ(r.options.size(), 3u);
  EXPECT_EQ(r.options[2].plan, "business");
  EXPECT_EQ(r.options[2].cost_per_cycle, 11500);
  EXPECT_EQ(*r.best, OptionKind::kPrepaidBundle);
}

TEST(Recommend, AnUpgradeNeverCostsLessThanTheCurrentPlan) {
  // On "pro" ($45) with a custom 150 credits: starter (500 credits, $5) includes more than 150 but is
  // no upgrade; the next plan that costs more is business.
  RecommendationInput in = OnCore({C(400), C(500), C(450)});
  in.plan = "pro";
  in.included = C(150);
  for (auto& cycle : in.history) cycle.included = C(150);
  const Recommendation r = Recommend(in);
  ASSERT_EQ(r.options.size(), 3u);
  EXPECT_EQ(r.options[2].plan, "business");
  EXPECT_GT(r.options[2].cost_per_cycle, 0);
}

TEST(Recommend, BundleTiersAndPlansAreConfigurable) {
  RecommendationOptions options;
  options.bundles = {{C(500), 0}, {C(2000), 5000}};  // half price for 2,000
  options.plans = {{"core", C(1000), 10'000'000}};   // nothing bigger
  const Recommendation r = Recommend(OnCore({C(1800), C(1600), C(1900)}), options);
  // 2 x 500 at $5.00 and 1 x 2,000 at 50% off both cost $10.00: the fewer credits bought wins.
  EXPECT_EQ(r.options[1].cost_per_cycle, 1000);
  EXPECT_EQ(r.options[1].bundle_count, 2u);
  EXPECT_EQ(r.options[1].credits_bought, C(1000));
  EXPECT_FALSE(r.options[2].available);
  EXPECT_EQ(r.options[2].note, "no plan includes more credits than core");
  EXPECT_EQ(*r.best, OptionKind::kPrepaidBundle);
}

TEST(Recommend, NothingWhenIncludedWasExceededInAMinority) {
  const Recommendation r = Recommend(OnCore({C(1800), C(900), C(800)}));
  EXPECT_FALSE(r.change_recommended);
  EXPECT_EQ(r.cycles_exceeded, 1u);
  EXPECT_TRUE(r.options.empty());
  EXPECT_FALSE(r.best);
  EXPECT_EQ(r.summary,
            "included credits were exceeded in 1 of the last 3 closed cycles: no change recommended");
}

TEST(Recommend, FlexWinsTiesAndAnUnknownPlanHasNoUpgrade) {
  RecommendationInput in = OnCore({C(2000), C(2000)});
  in.plan = "custom";
  in.flex_price_per_credit = 9'200;  // $0.0092: 1,000 credits cost $9.20 as flex too
  const Recommendation r = Recommend(in);
  EXPECT_EQ(r.options[0].cost_per_cycle, 920);
  EXPECT_EQ(r.options[1].cost_per_cycle, 920);
  EXPECT_FALSE(r.options[2].available);
  EXPECT_EQ(*r.best, OptionKind::kFlex);
  EXPECT_EQ(r.saving_per_cycle, 0);
}

TEST(Recommend, ReadsClosedCyclesFromTheLedger) {
  const Workspace w =
      MakeWorkspace({Plan("core", "2026-01-01T00:00:00Z", C(1000), BillingCycle::kMonthly, "0.015")});
  const std::vector<UsageBucket> usage = {
      Use("2026-01-10T00:00:00Z", C(1800)), Use("2026-02-10T00:00:00Z", C(1600)),
      Use("2026-03-10T00:00:00Z", C(1900)), Use("2026-04-02T00:00:00Z", C(5000))};
  const Ledger ledger = BuildLedger(w, model::TimeZone::Utc(), usage, At("2026-04-05T00:00:00Z"));
  const RecommendationInput in = RecommendationInputFrom(ledger);
  ASSERT_EQ(in.history.size(), 3u);  // April is still open
  EXPECT_EQ(in.history[2].used, C(1900));
  EXPECT_EQ(in.history[2].included, C(1000));
  EXPECT_EQ(in.plan, "core");
  EXPECT_EQ(in.flex_price_per_credit, 15'000);
  EXPECT_EQ(in.price_per_credit, 10'000);
  EXPECT_EQ(*Recommend(in).best, OptionKind::kPrepaidBundle);
}

}  // namespace
}  // namespace creditlens::billing

#include "billing/billing_cycle.h"

#include <gtest/gtest.h>

#include "model/timestamp.h"

namespace creditlens::billing {
namespace {

std::int64_t At(const char* iso) { return *model::ParseIsoTimestamp(iso); }

Workspace WithPlan(const char* starts_at, BillingCycle cycle = BillingCycle::kMonthly) {
  Workspace w;
  w.id = "ws";
  w.subscriptions.push_back({"core", At(starts_at), std::nullopt, cycle, 1000 * kMicrosPerCredit, "0.01"});
  return w;
}

TEST(CycleAt, MonthlyCyclesFollowTheAnchorInLocalTime) {
  const auto berlin = model::TimeZone::Locate("Europe/Berlin");
  const Workspace w = WithPlan("2025-11-10T23:00:00Z");  // 2025-11-11 00:00 in Berlin
  const auto cycle = CycleAt(w, berlin, At("2026-03-20T12:00:00Z"));
  ASSERT_TRUE(cycle);
  EXPECT_EQ(cycle->start_ms, At("2026-03-10T23:00:00Z"));  // 11 March, winter time
  EXPECT_EQ(cycle->end_ms, At("2026-04-10T22:00:00Z"));    // 11 April, summer time
  EXPECT_EQ(cycle->included, 1000 * kMicrosPerCredit);
}

TEST(CycleAt, AnchorOnThe31stClampsAcrossFebruaryOfALeapYear) {
  const auto utc = model::TimeZone::Utc();
  const Workspace w = WithPlan("2024-01-31T00:00:00Z");
  auto cycle = CycleAt(w, utc, At("2024-02-15T00:00:00Z"));
  EXPECT_EQ(cycle->start_ms, At("2024-01-31T00:00:00Z"));
  EXPECT_EQ(cycle->end_ms, At("2024-02-29T00:00:00Z"));
  cycle = CycleAt(w, utc, At("2024-03-01T00:00:00Z"));
  EXPECT_EQ(cycle->start_ms, At("2024-02-29T00:00:00Z"));
  EXPECT_EQ(cycle->end_ms, At("2024-03-31T00:00:00Z"));
  cycle = CycleAt(w, utc, At("2024-04-29T23:59:59Z"));
  EXPECT_EQ(cycle->start_ms, At("2024-03-31T00:00:00Z"));
  EXPECT_EQ(cycle->end_ms, At("2024-04-30T00:00:00Z"));
  cycle = CycleAt(w, utc, At("2024-04-30T12:00:00Z"));
  EXPECT_EQ(cycle->start_ms, At("2024-04-30T00:00:00Z"));
  EXPECT_EQ(cycle->end_ms, At("2024-05-31T00:00:00Z"));
}

TEST(CycleAt, AnnualPlansRunAYear) {
  const auto utc = model::TimeZone::Utc();
  const Workspace w = WithPlan("2025-06-01T00:00:00Z", BillingCycle::kAnnual);
  const auto cycle = CycleAt(w, utc, At("2026-07-04T00:00:00Z"));
  EXPECT_EQ(cycle->start_ms, At("2026-06-01T00:00:00Z"));
  EXPECT_EQ(cycle->end_ms, At("2027-06-01T00:00:00Z"));
  EXPECT_EQ(MonthlyAllowance(*cycle->subscription), 1000 * kMicrosPerCredit / 12);
}

TEST(CycleAt, APlanChangeEndsTheCycleAndStartsANewOne) {
  const auto utc = model::TimeZone::Utc();
  Workspace w = WithPlan("2026-01-01T00:00:00Z");
  w.subscriptions[0].ends_at_ms = At("2026-03-15T00:00:00Z");
  w.subscriptions.push_back({"pro", At("2026-03-15T00:00:00Z"), std::nullopt, BillingCycle::kMonthly,
                             5000 * kMicrosPerCredit, "0.01"});
  auto before = CycleAt(w, utc, At("2026-03-10T00:00:00Z"));
  EXPECT_EQ(before->start_ms, At("2026-03-01T00:00:00Z"));
  EXPECT_EQ(before->end_ms, At("2026-03-15T00:00:00Z"));
  auto after = CycleAt(w, utc, At("2026-03-20T00:00:00Z"));
  EXPECT_EQ(after->subscription->plan, "pro");
  EXPECT_EQ(after->start_ms, At("2026-03-15T00:00:00Z"));
  EXPECT_EQ(after->end_ms, At("2026-04-15T00:00:00Z"));
  EXPECT_EQ(after->included, 5000 * kMicrosPerCredit);
  EXPECT_FALSE(CycleAt(w, utc, At("2025-12-31T00:00:00Z")));
}

}  // namespace
}  // namespace creditlens::billing

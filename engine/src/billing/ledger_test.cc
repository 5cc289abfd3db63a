// Hand-computed ledger scenarios: every entry, every balance.
#include "billing/ledger.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "billing/balances.h"
#include "billing/billing_test_support.h"

namespace creditlens::billing {
namespace {

using ::testing::ElementsAre;

TEST(Ledger, UsageInsideIncludedOnly) {
  const Workspace w = MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(1000))});
  const std::vector<UsageBucket> usage = {Use("2026-03-02T10:00:00Z", C(100)),
                                          Use("2026-03-03T12:00:00Z", C("250.5"), "finetune", "train"),
                                          Use("2026-03-03T13:00:00Z", C("49.5"))};
  const Ledger ledger = LedgerOf(w, usage, "2026-03-10T00:00:00Z");
  EXPECT_THAT(Describe(ledger), ElementsAre("2026-03-01 cycle_reset included c0 0",  //
                                            "2026-03-01 grant included c0 1000",     //
                                            "2026-03-02 consumption included c0 data/inference 100",
                                            "2026-03-03 consumption included c0 data/inference 49.5",
                                            "2026-03-03 consumption included c0 train/finetune 250.5"));
  ExpectBalanced(ledger, usage);
  EXPECT_EQ(ledger.entries[3].at_ms, At("2026-03-03T12:00:00Z"));  // the stretch starts at the first hour
  EXPECT_EQ(ledger.entries[3].end_ms, At("2026-03-03T14:00:00Z"));

  const CreditsSummary s = SummarizeCredits(ledger);
  EXPECT_EQ(s.cycle, 0);
  EXPECT_EQ(s.cycle_start_ms, At("2026-03-01T00:00:00Z"));
  EXPECT_EQ(s.cycle_end_ms, At("2026-04-01T00:00:00Z"));
  EXPECT_EQ(s.resets_on_day, Day("2026-04-01"));
  EXPECT_EQ(s.included, C(1000));
  EXPECT_EQ(s.included_used, C(400));
  EXPECT_EQ(s.included_remaining, C(600));
  EXPECT_EQ(s.allocated, C(1000));
  EXPECT_EQ(s.consumed, C(400));
  EXPECT_EQ(s.remaining, C(600));
  EXPECT_EQ(s.cycle_usage, C(400));
  EXPECT_EQ(s.flex_used, 0);
  EXPECT_EQ(s.over_limit, 0);

  const auto days = BalanceSchedule(ledger, Day("2026-03-01"), Day("2026-03-04"));
  ASSERT_EQ(days.size(), 4u);
  const MicroCredits included[] = {C(1000), C(900), C(600), C(600)};
  const MicroCredits consumed[] = {0, C(100), C(300), 0};
  for (std::size_t i = 0; i < days.size(); ++i) {
    EXPECT_EQ(days[i].day, Day("2026-03-01") + static_cast<std::int32_t>(i));
    EXPECT_EQ(days[i].cycle, 0);
    EXPECT_EQ(days[i].included_remaining, included[i]) << i;
    EXPECT_EQ(days[i].consumed, consumed[i]) << i;
  }
}

TEST(Ledger, SpillsIntoTwoGrantsByPriorityAndOneExpiresMidDay) {
  const Workspace w =
      MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(100))},
                    {Grant("late", C(200), "2026-02-01T00:00:00Z", "2026-12-31T00:00:00Z", 10, "1.84"),
                     Grant("soon", C(50), "2026-02-15T00:00:00Z", "2026-03-10T12:00:00Z", 5, "0.46")});
  const std::vector<UsageBucket> usage = {
      Use("2026-03-02T10:00:00Z", C(120)),   // 100 included, 20 soon (priority 5 before 10)
      Use("2026-03-05T09:00:00Z", C(10)),    // 10 soon
      Use("2026-03-10T11:00:00Z", C(5)),     // 5 soon, the hour before it expires; 15 left expire at 12:00
      Use("2026-03-10T12:00:00Z", C(30)),    // 30 late
      Use("2026-03-11T08:00:00Z", C(100))};  // 100 late
  const Ledger ledger = LedgerOf(w, usage, "2026-03-20T00:00:00Z");
  EXPECT_THAT(
      Describe(ledger),
      ElementsAre("2026-02-01 grant grant:late c-1 200",   //
                  "2026-02-15 grant grant:soon c-1 50",    //
                  "2026-03-01 cycle_reset included c0 0",  //
                  "2026-03-01 grant included c0 100", "2026-03-02 consumption included c0 data/inference 100",
                  "2026-03-02 consumption grant:soon c0 data/inference 20",
                  "2026-03-05 consumption grant:soon c0 data/inference 10",
                  "2026-03-10 consumption grant:soon c0 data/inference 5",  //
                  "2026-03-10 expiry grant:soon c0 15",
                  "2026-03-10 consumption grant:late c0 data/inference 30",
                  "2026-03-11 consumption grant:late c0 data/inference 100"));
  ExpectBalanced(ledger, usage);
  EXPECT_EQ(ledger.entries[8].at_ms, At("2026-03-10T12:00:00Z"));
  EXPECT_EQ(Sum(ledger, {EntryKind::kConsumption, {}, {}, {}, Day("2026-03-10")}), C(35));

  const CreditsSummary s = SummarizeCredits(ledger);
  EXPECT_EQ(s.included_used, C(100));
  EXPECT_EQ(s.included_remaining, 0);
  ASSERT_EQ(s.grants.size(), 2u);
  EXPECT_EQ(s.grants[0].id, "late");
  EXPECT_EQ(s.grants[0].consumed, C(130));
  EXPECT_EQ(s.grants[0].expired, 0);
  EXPECT_EQ(s.grants[0].remaining, C(70));
  EXPECT_EQ(s.grants[0].state, GrantState::kAvailable);
  EXPECT_FALSE(s.grants[0].exhausted);
  EXPECT_EQ(s.grants[0].available_from_day, Day("2026-02-01"));
  EXPECT_EQ(s.grants[0].expires_on_day, Day("2026-12-31"));
  EXPECT_EQ(s.grants[1].consumed, C(35));
  EXPECT_EQ(s.grants[1].expired, C(15));
  EXPECT_EQ(s.grants[1].remaining, 0);
  EXPECT_EQ(s.grants[1].state, GrantState::kExpired);
  EXPECT_EQ(s.grants[1].expires_on_day, Day("2026-03-10"));
  EXPECT_EQ(s.allocated, C(300));  // included 100 + late 200; soon has expired
  EXPECT_EQ(s.consumed, C(230));
  EXPECT_EQ(s.remaining, C(70));
  EXPECT_EQ(s.cycle_usage, C(265));

  const auto days = BalanceSchedule(ledger, Day("2026-03-09"), Day("2026-03-11"));
  ASSERT_EQ(days.size(), 3u);
  EXPECT_THAT(days[0].grant_remaining, ElementsAre(C(200), C(20)));
  EXPECT_THAT(days[1].grant_remaining, ElementsAre(C(170), 0));
  EXPECT_THAT(days[2].grant_remaining, ElementsAre(C(70), 0));
  EXPECT_EQ(days[0].consumed, 0);
  EXPECT_EQ(days[1].consumed, C(35));
  EXPECT_EQ(days[2].consumed, C(100));
  for (const DayBalance& d : days) EXPECT_EQ(d.included_remaining, 0);
}

TEST(Ledger, AGrantArrivingMidDayCoversUsageFromThatHourOn) {
  const Workspace w = MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(10))},
                                    {Grant("g", C(50), "2026-03-05T15:00:00Z", std::nullopt, 1)});
  const std::vector<UsageBucket> usage = {Use("2026-03-05T13:00:00Z", C(10)),
                                          Use("2026-03-05T14:00:00Z", C(10)),
                                          Use("2026-03-05T15:00:00Z", C(10))};
  const Ledger ledger = LedgerOf(w, usage, "2026-03-06T00:00:00Z");
  EXPECT_THAT(
      Describe(ledger),
      ElementsAre("2026-03-01 cycle_reset included c0 0",  //
                  "2026-03-01 grant included c0 10", "2026-03-05 consumption included c0 data/inference 10",
                  "2026-03-05 consumption over_limit c0 data/inference 10", "2026-03-05 grant grant:g c0 50",
                  "2026-03-05 consumption grant:g c0 data/inference 10"));
  ExpectBalanced(ledger, usage);
  const auto days = BalanceSchedule(ledger, Day("2026-03-05"), Day("2026-03-05"));
  EXPECT_EQ(days[0].consumed, C(30));
  EXPECT_THAT(days[0].grant_remaining, ElementsAre(C(40)));
  EXPECT_EQ(days[0].over_limit, C(10));
}

TEST(Ledger, GrantsGoByPriorityThenExpiryThenAgeThenId) {
  // No plan at all: grants still cover usage, and with no plan there is no flex.
  Workspace w = MakeWorkspace({},
                              {Grant("d", C(10), "2026-01-02T00:00:00Z", "2026-06-01T00:00:00Z", 1),
                               Grant("z", C(10), "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", 1),
                               Grant("b", C(10), "2026-01-03T00:00:00Z", "2026-05-01T00:00:00Z", 1),
                               Grant("e", C(10), "2026-01-04T00:00:00Z", std::nullopt, 0),
                               Grant("a", C(10), "2026-01-02T00:00:00Z", "2026-06-01T00:00:00Z", 1)},
                              /*flex_enabled=*/true);
  const std::vector<UsageBucket> usage = {Use("2026-02-01T00:00:00Z", C(35)),
                                          Use("2026-02-02T00:00:00Z", C(20))};
  const Ledger ledger = LedgerOf(w, usage, "2026-02-03T00:00:00Z");
  ExpectBalanced(ledger, usage);
  // Day 1: e (priority 0), b (earliest expiry), z (older than a and d), then a (id before d).
  const auto on = [&ledger](int grant, const char* day) {
    return Sum(ledger, {EntryKind::kConsumption, SourceKind::kGrant, grant, -1, Day(day)});
  };
  EXPECT_EQ(on(3, "2026-02-01"), C(10));
  EXPECT_EQ(on(2, "2026-02-01"), C(10));
  EXPECT_EQ(on(1, "2026-02-01"), C(10));
  EXPECT_EQ(on(4, "2026-02-01"), C(5));
  EXPECT_EQ(on(0, "2026-02-01"), 0);
  // Day 2: the rest of a, then d, then over-limit (no plan, so no flex although it is enabled).
  EXPECT_EQ(on(4, "2026-02-02"), C(5));
  EXPECT_EQ(on(0, "2026-02-02"), C(10));
  EXPECT_EQ(Consumed(ledger, SourceKind::kFlex), 0);
  EXPECT_EQ(Consumed(ledger, SourceKind::kOverLimit), C(5));
  EXPECT_EQ(Sum(ledger, {EntryKind::kConsumption, SourceKind::kOverLimit, {}, -1, Day("2026-02-02")}), C(5));
  EXPECT_TRUE(ledger.cycles.empty());
  EXPECT_EQ(SummarizeCredits(ledger).cycle, -1);
}

TEST(Ledger, FlexDisabledRecordsOverLimit) {
  const Workspace w =
      MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(100))}, {}, /*flex_enabled=*/false, C(1000));
  const std::vector<UsageBucket> usage = {Use("2026-03-02T10:00:00Z", C(80)),
                                          Use("2026-03-03T10:00:00Z", C(50))};
  const Ledger ledger = LedgerOf(w, usage, "2026-03-10T00:00:00Z");
  EXPECT_THAT(Describe(ledger), ElementsAre("2026-03-01 cycle_reset included c0 0",  //
                                            "2026-03-01 grant included c0 100",
                                            "2026-03-02 consumption included c0 data/inference 80",
                                            "2026-03-03 consumption included c0 data/inference 20",
                                            "2026-03-03 consumption over_limit c0 data/inference 30"));
  ExpectBalanced(ledger, usage);
  const CreditsSummary s = SummarizeCredits(ledger);
  EXPECT_EQ(s.included_remaining, 0);
  EXPECT_EQ(s.flex_used, 0);
  EXPECT_EQ(s.over_limit, C(30));
  EXPECT_EQ(s.cycle_usage, C(130));
  EXPECT_EQ(s.allocated, C(100));
  EXPECT_EQ(s.consumed, C(100));
  EXPECT_EQ(s.remaining, 0);
}

TEST(Ledger, FlexStopsAtTheThresholdAndTheRestIsOverLimitUntilTheReset) {
  const Workspace w =
      MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(100), BillingCycle::kMonthly, "0.012")}, {},
                    /*flex_enabled=*/true, C(40));
  const std::vector<UsageBucket> usage = {
      Use("2026-03-02T10:00:00Z", C(90)), Use("2026-03-03T10:00:00Z", C(30)),
      Use("2026-03-04T10:00:00Z", C(25)), Use("2026-03-05T10:00:00Z", C(10)),
      Use("2026-04-02T10:00:00Z", C(150))};
  const Ledger ledger = LedgerOf(w, usage, "2026-04-10T00:00:00Z");
  EXPECT_THAT(
      Describe(ledger),
      ElementsAre("2026-03-01 cycle_reset included c0 0",  //
                  "2026-03-01 grant included c0 100", "2026-03-02 consumption included c0 data/inference 90",
                  "2026-03-03 consumption included c0 data/inference 10",
                  "2026-03-03 consumption flex c0 data/inference 20",
                  "2026-03-04 consumption flex c0 data/inference 20",
                  "2026-03-04 consumption over_limit c0 data/inference 5",
                  "2026-03-05 consumption over_limit c0 data/inference 10",
                  "2026-04-01 expiry included c0 0",  //
                  "2026-04-01 cycle_reset included c1 0", "2026-04-01 grant included c1 100",
                  "2026-04-02 consumption included c1 data/inference 100",
                  "2026-04-02 consumption flex c1 data/inference 40",
                  "2026-04-02 consumption over_limit c1 data/inference 10"));
  ExpectBalanced(ledger, usage);
  EXPECT_EQ(Sum(ledger, {EntryKind::kConsumption, SourceKind::kFlex, {}, 0, {}}), C(40));
  EXPECT_EQ(Sum(ledger, {EntryKind::kConsumption, SourceKind::kOverLimit, {}, 0, {}}), C(15));

  const auto days = BalanceSchedule(ledger, Day("2026-03-31"), Day("2026-04-02"));
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0].cycle, 0);
  EXPECT_EQ(days[0].flex_used, C(40));
  EXPECT_EQ(days[0].over_limit, C(15));
  EXPECT_EQ(days[1].cycle, 1);
  EXPECT_EQ(days[1].included_remaining, C(100));
  EXPECT_EQ(days[1].flex_used, 0);
  EXPECT_EQ(days[1].over_limit, 0);
  EXPECT_EQ(days[2].included_remaining, 0);
  EXPECT_EQ(days[2].flex_used, C(40));
  EXPECT_EQ(days[2].over_limit, C(10));

  const CreditsSummary s = SummarizeCredits(ledger);
  EXPECT_EQ(s.cycle, 1);
  EXPECT_EQ(s.flex_used, C(40));
  EXPECT_EQ(s.flex_threshold, C(40));
  EXPECT_EQ(s.over_limit, C(10));
  EXPECT_EQ(s.cycle_usage, C(150));
}

TEST(Ledger, APlanChangeMidDayStartsANewCycleWithFreshIncludedCredits) {
  Workspace w = MakeWorkspace(
      {Plan("core", "2026-01-01T00:00:00Z", C(100)), Plan("pro", "2026-03-15T12:00:00Z", C(500))});
  w.subscriptions[0].ends_at_ms = At("2026-03-15T12:00:00Z");
  const std::vector<UsageBucket> usage = {Use("2026-03-10T09:00:00Z", C(80)),
                                          Use("2026-03-15T11:00:00Z", C(30)),
                                          Use("2026-03-15T12:00:00Z", C(50))};
  const Ledger ledger = LedgerOf(w, usage, "2026-03-20T00:00:00Z");
  EXPECT_THAT(Describe(ledger), ElementsAre("2026-01-01 cycle_reset included c0 0",  //
                                            "2026-01-01 grant included c0 100",      //
                                            "2026-02-01 expiry included c0 100",     //
                                            "2026-02-01 cycle_reset included c1 0",  //
                                            "2026-02-01 grant included c1 100",      //
                                            "2026-03-01 expiry included c1 100",     //
                                            "2026-03-01 cycle_reset included c2 0",  //
                                            "2026-03-01 grant included c2 100",
                                            "2026-03-10 consumption included c2 data/inference 80",
                                            "2026-03-15 consumption included c2 data/inference 20",
                                            "2026-03-15 consumption over_limit c2 data/inference 10",
                                            "2026-03-15 expiry included c2 0",       //
                                            "2026-03-15 cycle_reset included c3 0",  //
                                            "2026-03-15 grant included c3 500",
                                            "2026-03-15 consumption included c3 data/inference 50"));
  ExpectBalanced(ledger, usage);
  ASSERT_EQ(ledger.cycles.size(), 4u);
  EXPECT_EQ(ledger.cycles[2].end_ms, At("2026-03-15T12:00:00Z"));
  EXPECT_EQ(ledger.cycles[3].subscription.plan, "pro");
  EXPECT_EQ(ledger.cycles[3].start_ms, At("2026-03-15T12:00:00Z"));
  EXPECT_EQ(ledger.cycles[3].end_ms, At("2026-04-15T12:00:00Z"));

  const CreditsSummary s = SummarizeCredits(ledger);
  EXPECT_EQ(s.cycle, 3);
  EXPECT_EQ(s.included, C(500));
  EXPECT_EQ(s.included_used, C(50));
  EXPECT_EQ(s.included_remaining, C(450));
  EXPECT_EQ(s.over_limit, 0);
  EXPECT_EQ(s.resets_on_day, Day("2026-04-15"));

  const auto days = BalanceSchedule(ledger, Day("2026-03-14"), Day("2026-03-15"));
  EXPECT_EQ(days[0].cycle, 2);
  EXPECT_EQ(days[0].included_remaining, C(20));
  EXPECT_EQ(days[1].cycle, 3);
  EXPECT_EQ(days[1].included_remaining, C(450));
  EXPECT_EQ(days[1].over_limit, 0);
  EXPECT_EQ(days[1].consumed, C(80));
}

TEST(Ledger, AnnualPlanGrantsTheYearUpFrontAndExpiresOnceAtYearEnd) {
  const Workspace w = MakeWorkspace({Plan("core", "2025-06-01T00:00:00Z", C(12000), BillingCycle::kAnnual)});
  const std::vector<UsageBucket> usage = {Use("2025-07-01T10:00:00Z", C(5000)),
                                          Use("2026-01-15T10:00:00Z", C(6000)),
                                          Use("2026-06-01T00:00:00Z", C(100))};
  const Ledger ledger = LedgerOf(w, usage, "2026-06-10T00:00:00Z");
  EXPECT_THAT(Describe(ledger), ElementsAre("2025-06-01 cycle_reset included c0 0",  //
                                            "2025-06-01 grant included c0 12000",
                                            "2025-07-01 consumption included c0 data/inference 5000",
                                            "2026-01-15 consumption included c0 data/inference 6000",
                                            "2026-06-01 expiry included c0 1000",    //
                                            "2026-06-01 cycle_reset included c1 0",  //
                                            "2026-06-01 grant included c1 12000",
                                            "2026-06-01 consumption included c1 data/inference 100"));
  ExpectBalanced(ledger, usage);
  const auto days = BalanceSchedule(ledger, Day("2026-05-31"), Day("2026-06-01"));
  EXPECT_EQ(days[0].included_remaining, C(1000));
  EXPECT_EQ(days[1].included_remaining, C(11900));
  EXPECT_EQ(SummarizeCredits(ledger).cycle_end_ms, At("2027-06-01T00:00:00Z"));
}

TEST(Ledger, AnchorOnThe31stAcrossFebruaryOfALeapYear) {
  const Workspace w = MakeWorkspace({Plan("core", "2024-01-31T00:00:00Z", C(100))});
  const std::vector<UsageBucket> usage = {
      Use("2024-02-28T23:00:00Z", C(100)), Use("2024-02-29T00:00:00Z", C(40)),
      Use("2024-03-30T23:00:00Z", C(70)), Use("2024-03-31T00:00:00Z", C(5))};
  const Ledger ledger = LedgerOf(w, usage, "2024-04-05T00:00:00Z");
  EXPECT_THAT(
      Describe(ledger),
      ElementsAre("2024-01-31 cycle_reset included c0 0",  //
                  "2024-01-31 grant included c0 100", "2024-02-28 consumption included c0 data/inference 100",
                  "2024-02-29 expiry included c0 0",       //
                  "2024-02-29 cycle_reset included c1 0",  //
                  "2024-02-29 grant included c1 100", "2024-02-29 consumption included c1 data/inference 40",
                  "2024-03-30 consumption included c1 data/inference 60",
                  "2024-03-30 consumption over_limit c1 data/inference 10",
                  "2024-03-31 expiry included c1 0",       //
                  "2024-03-31 cycle_reset included c2 0",  //
                  "2024-03-31 grant included c2 100", "2024-03-31 consumption included c2 data/inference 5"));
  ExpectBalanced(ledger, usage);
  ASSERT_EQ(ledger.cycles.size(), 3u);
  EXPECT_EQ(ledger.cycles[1].start_ms, At("2024-02-29T00:00:00Z"));
  EXPECT_EQ(ledger.cycles[1].end_ms, At("2024-03-31T00:00:00Z"));
  EXPECT_EQ(ledger.cycles[2].end_ms, At("2024-04-30T00:00:00Z"));
  const auto days = BalanceSchedule(ledger, Day("2024-02-28"), Day("2024-02-29"));
  EXPECT_EQ(days[0].included_remaining, 0);
  EXPECT_EQ(days[1].included_remaining, C(60));
}

TEST(Ledger, DaysFollowTheWorkspaceZoneAcrossADstChange) {
  // Berlin moves to summer time on 29 March 2026: that local day has 23 hours.
  const Workspace w =
      MakeWorkspace({Plan("core", "2026-02-28T23:00:00Z", C(1000))}, {}, false, {}, "Europe/Berlin");
  std::vector<UsageBucket> usage;
  usage.reserve(71);
  for (int h = 0; h < 71; ++h)
    usage.push_back({At("2026-03-27T23:00:00Z") + h * kHourMs, "inference", "data", C(1)});
  const Ledger ledger = LedgerOf(w, usage, "2026-03-31T00:00:00Z");
  EXPECT_THAT(Describe(ledger), ElementsAre("2026-03-01 cycle_reset included c0 0",  //
                                            "2026-03-01 grant included c0 1000",
                                            "2026-03-28 consumption included c0 data/inference 24",
                                            "2026-03-29 consumption included c0 data/inference 23",
                                            "2026-03-30 consumption included c0 data/inference 24"));
  ExpectBalanced(ledger, usage);
  EXPECT_EQ(ledger.entries[3].at_ms, At("2026-03-28T23:00:00Z"));   // 29 March 00:00 CET
  EXPECT_EQ(ledger.entries[3].end_ms, At("2026-03-29T22:00:00Z"));  // 30 March 00:00 CEST
  EXPECT_EQ(ledger.cycles[0].end_ms, At("2026-03-31T22:00:00Z"));   // 1 April 00:00 CEST
  const auto days = BalanceSchedule(ledger, Day("2026-03-28"), Day("2026-03-30"));
  EXPECT_EQ(days[0].consumed, C(24));
  EXPECT_EQ(days[1].consumed, C(23));
  EXPECT_EQ(days[2].consumed, C(24));
  EXPECT_EQ(days[0].included_remaining, C(976));
  EXPECT_EQ(days[1].included_remaining, C(953));
  EXPECT_EQ(days[2].included_remaining, C(929));
}

TEST(Ledger, IgnoresUsageFromAsOfOnAndRefusesNegativeCredits) {
  const Workspace w = MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(100))});
  const std::vector<UsageBucket> usage = {Use("2026-03-02T10:00:00Z", C(10)),
                                          Use("2026-03-02T11:00:00Z", C(20))};
  const Ledger ledger = LedgerOf(w, usage, "2026-03-02T11:00:00Z");
  EXPECT_EQ(Consumed(ledger, SourceKind::kIncluded), C(10));
  EXPECT_THROW(LedgerOf(w, {Use("2026-03-02T10:00:00Z", -1)}, "2026-03-03T00:00:00Z"), std::invalid_argument);
}

TEST(Ledger, BucketOrderWithinAnHourDoesNotMatter) {
  const Workspace w = MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(10))},
                                    {Grant("g", C(5), "2026-03-01T00:00:00Z", std::nullopt, 1)});
  std::vector<UsageBucket> usage = {Use("2026-03-02T10:00:00Z", C(8), "b"),
                                    Use("2026-03-02T10:00:00Z", C(8), "a")};
  const Ledger forward = LedgerOf(w, usage, "2026-03-03T00:00:00Z");
  std::swap(usage[0], usage[1]);
  EXPECT_EQ(Describe(LedgerOf(w, usage, "2026-03-03T00:00:00Z")), Describe(forward));
  EXPECT_THAT(Describe(forward), ::testing::Contains("2026-03-02 consumption included c0 data/a 8"));
}

}  // namespace
}  // namespace creditlens::billing

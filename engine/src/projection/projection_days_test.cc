#include "projection/projection_days.h"

#include <gtest/gtest.h>

#include "billing/billing_test_support.h"

namespace creditlens::projection {
namespace {

using billing::At;
using billing::C;
using billing::Day;

class ProjectionDaysTest : public ::testing::Test {
 protected:
  // Monthly cycles anchored on the 11th, in Berlin time.
  Workspace workspace = billing::MakeWorkspace({billing::Plan("core", "2025-11-10T23:00:00Z", C(1000))}, {},
                                               false, std::nullopt, "Europe/Berlin");
  model::TimeZone zone = model::TimeZone::Locate("Europe/Berlin");
  std::int32_t last = Day("2026-11-21");
};

TEST_F(ProjectionDaysTest, CycleHorizonsEndOnTheDayBeforeAReset) {
  EXPECT_EQ(ResolveHorizon("cycle_end", workspace, zone, last), Day("2026-12-10"));
  EXPECT_EQ(ResolveHorizon("next_cycle_end", workspace, zone, last), Day("2027-01-10"));
  // On a cycle's last day the current cycle is the next one's predecessor still.
  EXPECT_EQ(ResolveHorizon("cycle_end", workspace, zone, Day("2026-12-09")), Day("2026-12-10"));
  // The day after: the projection starts in the new cycle.
  EXPECT_EQ(ResolveHorizon("cycle_end", workspace, zone, Day("2026-12-10")), Day("2027-01-10"));
}

TEST_F(ProjectionDaysTest, CalendarHorizonsCountFromTheLastDayOfHistory) {
  EXPECT_EQ(ResolveHorizon("3m", workspace, zone, last), Day("2027-02-21"));
  EXPECT_EQ(ResolveHorizon("1y", workspace, zone, last), Day("2027-11-21"));
  EXPECT_EQ(ResolveHorizon("10d", workspace, zone, last), Day("2026-12-01"));
  EXPECT_EQ(ResolveHorizon("3m", workspace, zone, Day("2026-11-30")), Day("2027-02-28"));  // clamped
  EXPECT_EQ(ResolveHorizon("2027-03-31", workspace, zone, last), Day("2027-03-31"));
}

TEST_F(ProjectionDaysTest, BadHorizonsSayWhy) {
  EXPECT_THROW(
      {
        try {
          ResolveHorizon("2026-11-21", workspace, zone, last);
        } catch (const std::invalid_argument& e) {
          EXPECT_STREQ(e.what(), "horizon 2026-11-21 is not after the last day of history, 2026-11-21");
          throw;
        }
      },
      std::invalid_argument);
  EXPECT_THROW(ResolveHorizon("fortnight", workspace, zone, last), std::invalid_argument);
  EXPECT_THROW(ResolveHorizon("5y", workspace, zone, last), std::invalid_argument);  // beyond 3 years
  const Workspace no_plan = billing::MakeWorkspace({});
  try {
    ResolveHorizon("cycle_end", no_plan, zone, last);
    FAIL() << "a cycle horizon without a plan";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("has no plan in force"), std::string::npos) << e.what();
  }
}

TEST_F(ProjectionDaysTest, BasisPeriods) {
  const auto days30 = ResolveBasis("30d", workspace, zone, last);
  EXPECT_EQ(days30.first_day, Day("2026-10-23"));
  EXPECT_EQ(days30.last_day, last);
  const auto cycle = ResolveBasis("cycle", workspace, zone, last);
  EXPECT_EQ(cycle.first_day, Day("2026-11-11"));
  EXPECT_EQ(cycle.last_day, last);
  const auto previous = ResolveBasis("previous_cycle", workspace, zone, last);
  EXPECT_EQ(previous.first_day, Day("2026-10-11"));
  EXPECT_EQ(previous.last_day, Day("2026-11-10"));
  const auto custom = ResolveBasis("2026-09-01..2026-09-30", workspace, zone, last);
  EXPECT_EQ(custom.first_day, Day("2026-09-01"));
  EXPECT_EQ(custom.last_day, Day("2026-09-30"));
  EXPECT_THROW(ResolveBasis("2026-11-01..2026-11-30", workspace, zone, last), std::invalid_argument);
  EXPECT_THROW(ResolveBasis("billing_month", workspace, zone, last), std::invalid_argument);
}

}  // namespace
}  // namespace creditlens::projection

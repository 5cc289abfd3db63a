#include "billing/invoice.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "billing/billing_test_support.h"

namespace creditlens::billing {
namespace {

// 152.5 credits in March: 100 included, 30 from grant g1, 12.5 flex (its threshold), 10 over limit.
Workspace MarchWorkspace() {
  return MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(100), BillingCycle::kMonthly, "0.01")},
                       {Grant("g1", C(30), "2026-03-01T00:00:00Z", std::nullopt, 1, "4.6")},
                       /*flex_enabled=*/true, C("12.5"));
}

std::vector<UsageBucket> MarchUsage() {
  return {Use("2026-03-02T10:00:00Z", C(60), "finetune", "train"), Use("2026-03-03T10:00:00Z", C("80.5")),
          Use("2026-03-04T10:00:00Z", C(2)), Use("2026-03-05T10:00:00Z", C(10), "export")};
}

TEST(Invoice, LinesForUsageCreditsAppliedFlexAndOverLimit) {
  const Ledger ledger = LedgerOf(MarchWorkspace(), MarchUsage(), "2026-03-10T00:00:00Z");
  const Invoice invoice = BuildInvoice(ledger, 0);
  EXPECT_EQ(invoice.status, InvoiceStatus::kDraft);
  EXPECT_EQ(invoice.plan, "core");
  EXPECT_EQ(invoice.period_start_ms, At("2026-03-01T00:00:00Z"));
  EXPECT_EQ(invoice.period_end_ms, At("2026-04-01T00:00:00Z"));
  EXPECT_EQ(invoice.first_day, Day("2026-03-01"));
  EXPECT_EQ(invoice.last_day, Day("2026-03-31"));
  EXPECT_EQ(invoice.usage, C("152.5"));
  EXPECT_EQ(invoice.included_applied, C(100));
  EXPECT_EQ(invoice.prepaid_applied, C(30));
  EXPECT_EQ(invoice.flex_credits, C("12.5"));
  EXPECT_EQ(invoice.over_limit, C(10));

  ASSERT_EQ(invoice.lines.size(), 7u);
  const auto expect_line = [&](std::size_t i, InvoiceLineKind kind, const char* description,
                               MicroCredits credits, Cents amount) {
    SCOPED_TRACE(i);
    EXPECT_EQ(invoice.lines[i].kind, kind);
    EXPECT_EQ(invoice.lines[i].description, description);
    EXPECT_EQ(invoice.lines[i].credits, credits);
    EXPECT_EQ(invoice.lines[i].amount, amount);
  };
  expect_line(0, InvoiceLineKind::kUsage, "data/export", C(10), 0);
  expect_line(1, InvoiceLineKind::kUsage, "data/inference", C("82.5"), 0);
  expect_line(2, InvoiceLineKind::kUsage, "train/finetune", C(60), 0);
  expect_line(3, InvoiceLineKind::kIncluded, "Included credits (core)", C(100), 0);
  expect_line(4, InvoiceLineKind::kPrepaid, "Prepaid credits (g1)", C(30), 0);
  expect_line(5, InvoiceLineKind::kFlex, "Flex overage", C("12.5"), 12);  // $0.125 -> $0.12, half-even
  expect_line(6, InvoiceLineKind::kOverLimit, "Over limit", C(10), 0);
  EXPECT_EQ(invoice.lines[1].category, "data");
  EXPECT_EQ(invoice.lines[1].feature, "inference");
  EXPECT_EQ(invoice.lines[4].grant_id, "g1");
  EXPECT_EQ(invoice.lines[4].note, "paid when bought: $4.60");
  EXPECT_EQ(invoice.lines[5].unit_price, 10'000);
  EXPECT_EQ(invoice.lines[6].note, "not charged: the flex threshold of 12.5 credits per cycle was reached");
  EXPECT_EQ(invoice.total, 12);
}

TEST(Invoice, IsFinalOnceTheCycleHasEnded) {
  const Ledger ledger = LedgerOf(MarchWorkspace(), MarchUsage(), "2026-04-01T00:00:00Z");
  EXPECT_EQ(BuildInvoice(ledger, 0).status, InvoiceStatus::kFinal);
  const auto latest = LatestInvoice(ledger);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->cycle, 1);
  EXPECT_EQ(latest->status, InvoiceStatus::kDraft);
  EXPECT_TRUE(latest->lines.empty());
  EXPECT_EQ(latest->total, 0);
  EXPECT_THROW(BuildInvoice(ledger, 2), std::out_of_range);
  EXPECT_THROW(BuildInvoice(ledger, -1), std::out_of_range);
}

TEST(Invoice, FlexLineRoundsHalfToEven) {
  const Workspace w =
      MakeWorkspace({Plan("none", "2026-03-01T00:00:00Z", 0, BillingCycle::kMonthly, "0.01")}, {},
                    /*flex_enabled=*/true);
  const Ledger ledger = LedgerOf(w, {Use("2026-03-02T10:00:00Z", C("13.5"))}, "2026-03-10T00:00:00Z");
  const Invoice invoice = BuildInvoice(ledger, 0);
  ASSERT_EQ(invoice.lines.size(), 2u);
  EXPECT_EQ(invoice.lines[1].kind, InvoiceLineKind::kFlex);
  EXPECT_EQ(invoice.lines[1].amount, 14);  // $0.135 -> $0.14
  EXPECT_EQ(invoice.total, 14);
}

TEST(Invoice, OverLimitWithFlexDisabledIsNotCharged) {
  const Workspace w = MakeWorkspace({Plan("core", "2026-03-01T00:00:00Z", C(1))});
  const Ledger ledger = LedgerOf(w, {Use("2026-03-02T10:00:00Z", C(3))}, "2026-03-10T00:00:00Z");
  const Invoice invoice = BuildInvoice(ledger, 0);
  ASSERT_EQ(invoice.lines.size(), 3u);
  EXPECT_EQ(invoice.lines[2].kind, InvoiceLineKind::kOverLimit);
  EXPECT_EQ(invoice.lines[2].credits, C(2));
  EXPECT_EQ(invoice.lines[2].amount, 0);
  EXPECT_EQ(invoice.lines[2].note, "not charged: flex is disabled for this workspace");
  EXPECT_EQ(invoice.total, 0);
}

}  // namespace
}  // namespace creditlens::billing

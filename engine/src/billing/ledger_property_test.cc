// Property test: random plans, grants and usage; the ledger must conserve every micro-credit, never
// let a balance go negative, keep flex under its threshold, and book over-limit only when no source
// could cover it.
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "billing/alerts.h"
#include "billing/balances.h"
#include "billing/billing_test_support.h"
#include "billing/invoice.h"
#include "billing/ledger.h"

namespace creditlens::billing {
namespace {

constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr int kCases = 300;

struct RandomCase {
  Workspace workspace;
  std::vector<UsageBucket> usage;
  std::int64_t as_of_ms = 0;
};

class CaseMaker {
 public:
  explicit CaseMaker(std::uint64_t seed) : rng_(seed) {}

  RandomCase Make() {
    static const char* const kZones[] = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
                                         "Australia/Lord_Howe"};
    static const char* const kMonthEnds[] = {"2025-12-31T00:00:00Z", "2026-01-30T10:30:00Z",
                                             "2026-01-29T00:00:00Z", "2026-01-31T23:00:00Z"};
    const std::int64_t base = At("2025-12-01T00:00:00Z");
    const std::int64_t span = 120 * kDayMs;
    RandomCase c;
    Workspace& w = c.workspace;
    w.id = "random";
    w.timezone = kZones[Uniform(0, 4)];
    w.flex_enabled = Chance(50);
    if (Chance(50)) w.flex_threshold = Uniform(0, 200 * kMicrosPerCredit);
    for (int i = 0, n = static_cast<int>(Uniform(0, 3)); i < n; ++i) {
      Subscription s;
      s.plan = "plan" + std::to_string(i);
      s.starts_at_ms = Chance(25) ? At(kMonthEnds[Uniform(0, 3)]) : base + Uniform(0, span / 60'000) * 60'000;
      if (Chance(30)) s.ends_at_ms = s.starts_at_ms + Uniform(kHourMs, 90 * kDayMs);
      s.cycle = Chance(20) ? BillingCycle::kAnnual : BillingCycle::kMonthly;
      s.included_credits = Uniform(0, 500 * kMicrosPerCredit);
      s.flex_price_per_credit = "0.01";
      w.subscriptions.push_back(s);
    }
    for (int i = 0, n = static_cast<int>(Uniform(0, 4)); i < n; ++i) {
      CreditGrant g;
      g.id = "g" + std::to_string(i);
      g.kind = "prepaid";
      g.credits = Uniform(0, 300 * kMicrosPerCredit);
      g.price = "1";
      g.available_from_ms = base + Uniform(-10 * kDayMs, span);
      if (Chance(60)) g.expires_at_ms = g.available_from_ms + Uniform(-5 * kDayMs, 60 * kDayMs);
      g.priority = static_cast<int>(Uniform(0, 2));
      w.credit_grants.push_back(g);
    }
    static const char* const kFeatures[] = {"a", "b", "c"};
    static const char* const kCategories[] = {"x", "y"};
    for (int i = 0, n = static_cast<int>(Uniform(0, 300)); i < n; ++i) {
      c.usage.push_back({base + Uniform(0, span / kHourMs) * kHourMs, kFeatures[Uniform(0, 2)],
                         kCategories[Uniform(0, 1)], Chance(5) ? 0 : Uniform(0, 20 * kMicrosPerCredit)});
    }
    c.as_of_ms = base + Uniform(0, span + 10 * kDayMs);
    return c;
  }

 private:
  std::int64_t Uniform(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  bool Chance(int percent) { return Uniform(1, 100) <= percent; }
  std::mt19937_64 rng_;
};

// Checks each bucket's split against the balances right after it.
class SplitChecker : public TimelineVisitor {
 public:
  void BucketConsumed(const UsageBucket& bucket, const BillingPeriod* cycle,
                      std::span<const Allocation> split, const CreditSources& sources) override {
    MicroCredits sum = 0;
    bool lower_sources_empty = false;  // set once a later source than included/grants was used
    for (const Allocation& piece : split) {
      sum += piece.credits;
      EXPECT_GT(piece.credits, 0);
      if (piece.source == SourceKind::kGrant) {
        EXPECT_EQ(sources.included_remaining(), 0);
        for (const std::size_t g : sources.grant_order()) {  // every grant before it is spent
          if (g == piece.grant) break;
          if (sources.grant_state(g) == GrantState::kAvailable) {
            EXPECT_EQ(sources.grant_remaining(g), 0);
          }
        }
      }
      if (piece.source == SourceKind::kFlex || piece.source == SourceKind::kOverLimit)
        lower_sources_empty = true;
      if (piece.source == SourceKind::kFlex) {
        EXPECT_NE(cycle, nullptr);
      }
      if (piece.source == SourceKind::kOverLimit) {
        const std::optional<MicroCredits> room = sources.flex_room();
        ASSERT_TRUE(room.has_value());  // over-limit only when flex could take no more
        EXPECT_EQ(*room, 0);
        over_limit_ += piece.credits;
      }
    }
    if (lower_sources_empty) {
      EXPECT_EQ(sources.included_remaining(), 0);
      for (std::size_t g = 0; g < sources.grant_order().size(); ++g) EXPECT_EQ(sources.grant_remaining(g), 0);
    }
    EXPECT_EQ(sum, bucket.credits);
  }
  MicroCredits over_limit() const { return over_limit_; }

 private:
  MicroCredits over_limit_ = 0;
};

// What the random cases exercised, so a generator that stops reaching a path is noticed.
struct Coverage {
  std::map<SourceKind, MicroCredits> consumed;
  MicroCredits included_expired = 0;
  MicroCredits grants_expired = 0;
  std::size_t cycles = 0;
  std::size_t alerts = 0;
};

void CheckCase(const RandomCase& c, Coverage& coverage) {
  const Workspace& w = c.workspace;
  const model::TimeZone zone = model::TimeZone::Locate(w.timezone);
  const Ledger ledger = BuildLedger(w, zone, c.usage, c.as_of_ms);

  // Conservation and non-negative balances, entry by entry, in time order.
  ExpectBalanced(ledger, c.usage);
  LedgerReplay replay(ledger);
  std::int64_t last_at = std::numeric_limits<std::int64_t>::min();
  for (const LedgerEntry& e : ledger.entries) {
    EXPECT_GE(e.credits, 0);
    EXPECT_GE(e.at_ms, last_at);
    last_at = e.at_ms;
    replay.Apply(e);
    if (!w.flex_enabled) {
      EXPECT_EQ(replay.sources().flex_used(), 0);
    }
    if (w.flex_threshold) {
      EXPECT_LE(replay.sources().flex_used(), *w.flex_threshold);
    }
  }
  for (std::size_t k = 0; k < ledger.cycles.size(); ++k) {
    const MicroCredits flex =
        Sum(ledger, {EntryKind::kConsumption, SourceKind::kFlex, {}, static_cast<int>(k), {}});
    if (w.flex_threshold) {
      EXPECT_LE(flex, *w.flex_threshold);
    }
  }

  for (const LedgerEntry& e : ledger.entries) {
    if (e.kind == EntryKind::kConsumption) coverage.consumed[e.source] += e.credits;
    if (e.kind == EntryKind::kExpiry)
      (e.source == SourceKind::kGrant ? coverage.grants_expired : coverage.included_expired) += e.credits;
  }
  coverage.cycles += ledger.cycles.size();

  // Over-limit is exactly what no source could cover.
  SplitChecker checker;
  WalkCreditTimeline(w, ledger.cycles, c.usage, c.as_of_ms, checker);
  EXPECT_EQ(Consumed(ledger, SourceKind::kOverLimit), checker.over_limit());

  // Each grant: credits = consumed + expired + remaining once it has arrived.
  const CreditsSummary summary = SummarizeCredits(ledger);
  EXPECT_EQ(summary.allocated, summary.consumed + summary.remaining);
  for (const GrantSummary& g : summary.grants) {
    if (g.state == GrantState::kPending) {
      EXPECT_EQ(g.consumed + g.expired + g.remaining, 0);
    } else {
      EXPECT_EQ(g.consumed + g.expired + g.remaining, g.credits);
    }
  }

  // Invoices add up, and with the usage outside any cycle they cover everything.
  MicroCredits invoiced = Sum(ledger, {EntryKind::kConsumption, {}, {}, -1, {}});
  for (std::size_t k = 0; k < ledger.cycles.size(); ++k) {
    const Invoice invoice = BuildInvoice(ledger, static_cast<int>(k));
    EXPECT_EQ(invoice.usage,
              invoice.included_applied + invoice.prepaid_applied + invoice.flex_credits + invoice.over_limit);
    MicroCredits usage_lines = 0;
    Cents total = 0;
    for (const InvoiceLine& line : invoice.lines) {
      if (line.kind == InvoiceLineKind::kUsage) usage_lines += line.credits;
      total += line.amount;
    }
    EXPECT_EQ(usage_lines, invoice.usage);
    EXPECT_EQ(total, invoice.total);
    invoiced += invoice.usage;
  }
  EXPECT_EQ(invoiced, TotalUsage(c.usage, c.as_of_ms));

  // The day schedule books every consumption entry on its day.
  if (!ledger.entries.empty()) {
    const std::int32_t first = ledger.entries.front().local_day;
    const std::int32_t last = zone.LocalDay(c.as_of_ms);
    MicroCredits scheduled = 0;
    for (const DayBalance& d : BalanceSchedule(ledger, first, last)) {
      scheduled += d.consumed;
      EXPECT_GE(d.included_remaining, 0);
      for (const MicroCredits g : d.grant_remaining) EXPECT_GE(g, 0);
    }
    EXPECT_EQ(scheduled, Sum(ledger, {EntryKind::kConsumption, {}, {}, {}, {}}));
  }

  // Alerts fire at most once per threshold per cycle, and once per grant.
  std::set<std::tuple<AlertKind, int, int, std::string>> seen;
  const auto alerts = EvaluateAlerts(w, zone, c.usage, c.as_of_ms);
  coverage.alerts += alerts.size();
  for (const Alert& a : alerts) {
    const int cycle = a.kind == AlertKind::kPrepaidExhausted ? 0 : a.cycle;
    EXPECT_TRUE(seen.insert({a.kind, a.threshold_percent, cycle, a.grant_id}).second);
  }
  EXPECT_TRUE(std::is_sorted(alerts.begin(), alerts.end(),
                             [](const Alert& a, const Alert& b) { return a.at_ms < b.at_ms; }));
}

TEST(LedgerProperty, RandomWorkspacesConserveCreditsAndStayNonNegative) {
  CaseMaker maker(20260301);
  Coverage coverage;
  for (int i = 0; i < kCases; ++i) {
    SCOPED_TRACE("case " + std::to_string(i));
    CheckCase(maker.Make(), coverage);
    if (HasFailure()) break;
  }
  for (const SourceKind source :
       {SourceKind::kIncluded, SourceKind::kGrant, SourceKind::kFlex, SourceKind::kOverLimit}) {
    EXPECT_GT(coverage.consumed[source], 0) << ToString(source);
  }
  EXPECT_GT(coverage.included_expired, 0);
  EXPECT_GT(coverage.grants_expired, 0);
  EXPECT_GT(coverage.cycles, static_cast<std::size_t>(kCases));
  EXPECT_GT(coverage.alerts, static_cast<std::size_t>(kCases));
}

}  // namespace
}  // namespace creditlens::billing

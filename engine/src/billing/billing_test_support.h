// Helpers shared by the billing tests: instants, credits, workspaces and usage written briefly, and
// sums over ledger entries.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/balances.h"
#include "billing/ledger.h"
#include "creditlens/accounts.h"
#include "model/time_zone.h"
#include "model/timestamp.h"

// Test-only: the helpers live in the billing namespace so tests read them unqualified.
namespace creditlens::billing {

inline constexpr std::int64_t kHourMs = 3'600'000;

inline std::int64_t At(const char* iso) { return *model::ParseIsoTimestamp(iso); }
inline std::int32_t Day(const char* iso_date) { return *model::ParseIsoDate(iso_date); }
// Whole or fractional credits written as a decimal: C("12.5").
inline MicroCredits C(const char* decimal) { return *ParseMicroCredits(decimal); }
inline MicroCredits C(std::int64_t whole) { return whole * kMicrosPerCredit; }

inline Subscription Plan(const char* name, const char* starts_at, MicroCredits included,
                         BillingCycle cycle = BillingCycle::kMonthly, const char* flex_price = "0.01") {
  return {name, At(starts_at), std::nullopt, cycle, included, flex_price};
}

inline CreditGrant Grant(const char* id, MicroCredits credits, const char* available_from,
                         std::optional<const char*> expires_at, int priority, const char* price = "0") {
  return {
      id,      "prepaid",          credits,
      price,   At(available_from), expires_at ? std::optional<std::int64_t>(At(*expires_at)) : std::nullopt,
      priority};
}

inline Workspace MakeWorkspace(std::vector<Subscription> plans, std::vector<CreditGrant> grants = {},
                               bool flex_enabled = false, std::optional<MicroCredits> flex_threshold = {},
                               const char* timezone = "UTC") {
  Workspace w;
  w.id = "ws";
  w.name = "Test";
  w.timezone = timezone;
  w.price_per_credit = "0.01";
  w.flex_enabled = flex_enabled;
  w.flex_threshold = flex_threshold;
  w.subscriptions = std::move(plans);
  w.credit_grants = std::move(grants);
  return w;
}

inline UsageBucket Use(const char* hour, MicroCredits credits, const char* feature = "inference",
                       const char* category = "data") {
  return {At(hour), feature, category, credits};
}

// The ledger of a workspace in its own time zone.
inline Ledger LedgerOf(const Workspace& w, const std::vector<UsageBucket>& usage, const char* as_of) {
  return BuildLedger(w, model::TimeZone::Locate(w.timezone), usage, At(as_of));
}

// Matches entries; an unset field matches anything.
struct EntryFilter {
  std::optional<EntryKind> kind;
  std::optional<SourceKind> source;
  std::optional<int> grant;
  std::optional<int> cycle;
  std::optional<std::int32_t> day;
};

inline MicroCredits Sum(const Ledger& ledger, const EntryFilter& f) {
  MicroCredits sum = 0;
  for (const LedgerEntry& e : ledger.entries) {
    if ((f.kind && e.kind != *f.kind) || (f.source && e.source != *f.source) ||
        (f.grant && e.grant != *f.grant) || (f.cycle && e.cycle != *f.cycle) ||
        (f.day && e.local_day != *f.day)) {
      continue;
    }
    sum += e.credits;
  }
  return sum;
}

inline MicroCredits Consumed(const Ledger& ledger, SourceKind source, std::optional<int> grant = {}) {
  return Sum(ledger, {EntryKind::kConsumption, source, grant, {}, {}});
}

inline MicroCredits TotalUsage(const std::vector<UsageBucket>& usage, std::int64_t before_ms) {
  MicroCredits sum = 0;
  for (const UsageBucket& b : usage) sum += b.hour_start_ms < before_ms ? b.credits : 0;
  return sum;
}

// One line per entry: "<local day> <kind> <source> c<cycle> [<category/feature>] <credits>".
inline std::vector<std::string> Describe(const Ledger& ledger) {
  std::vector<std::string> lines;
  for (const LedgerEntry& e : ledger.entries) {
    std::string line = model::FormatDate(e.local_day) + " " + ToString(e.kind) + " " + SourceName(ledger, e) +
                       " c" + std::to_string(e.cycle);
    if (e.kind == EntryKind::kConsumption) line += " " + e.category + "/" + e.feature;
    lines.push_back(line + " " + FormatMicroCredits(e.credits));
  }
  return lines;
}

// What every ledger must satisfy: consumption sums to the usage walked, and a replay of the entries
// never disagrees with the balances (so none went negative).
inline void ExpectBalanced(const Ledger& ledger, const std::vector<UsageBucket>& usage) {
  EXPECT_EQ(Sum(ledger, {EntryKind::kConsumption, {}, {}, {}, {}}), TotalUsage(usage, ledger.as_of_ms));
  LedgerReplay replay(ledger);
  for (const LedgerEntry& e : ledger.entries) {
    ASSERT_NO_THROW(replay.Apply(e));
    EXPECT_GE(replay.sources().included_remaining(), 0);
    for (std::size_t g = 0; g < ledger.workspace.credit_grants.size(); ++g) {
      EXPECT_GE(replay.sources().grant_remaining(g), 0);
    }
  }
}

}  // namespace creditlens::billing

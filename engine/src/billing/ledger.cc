// The ledger: a timeline visitor that books grants, expiries and resets as they happen and sums
// consumption per source and feature over stretches of a local day.
#include "billing/ledger.h"

#include <map>
#include <tuple>

namespace creditlens::billing {
namespace {

constexpr std::int64_t kMsPerHour = 3'600'000;

class LedgerWriter : public TimelineVisitor {
 public:
  explicit LedgerWriter(Ledger& ledger) : ledger_(ledger) {}

  void CycleClosed(const BillingPeriod& cycle, MicroCredits expired) override {
    Flush();
    Book(EntryKind::kExpiry, SourceKind::kIncluded, -1, cycle.index, cycle.end_ms, expired);
    cycle_ = -1;
  }
  void CycleOpened(const BillingPeriod& cycle) override {
    Flush();
    Book(EntryKind::kCycleReset, SourceKind::kIncluded, -1, cycle.index, cycle.start_ms, 0);
    Book(EntryKind::kGrant, SourceKind::kIncluded, -1, cycle.index, cycle.start_ms, cycle.included);
    cycle_ = cycle.index;
  }
  void GrantAvailable(std::size_t grant, std::int64_t at_ms) override {
    Flush();
    Book(EntryKind::kGrant, SourceKind::kGrant, static_cast<int>(grant), cycle_, at_ms,
         ledger_.workspace.credit_grants[grant].credits);
  }
  void GrantExpired(std::size_t grant, std::int64_t at_ms, MicroCredits expired) override {
    Flush();
    Book(EntryKind::kExpiry, SourceKind::kGrant, static_cast<int>(grant), cycle_, at_ms, expired);
  }
  void BucketConsumed(const UsageBucket& bucket, const BillingPeriod* cycle,
                      std::span<const Allocation> split, const CreditSources& /*sources*/) override {
    if (split.empty()) return;
    const std::int32_t day = ledger_.zone.LocalDay(bucket.hour_start_ms);
    const int cycle_index = cycle ? cycle->index : -1;
    if (!pending_.empty() && (day != stretch_day_ || cycle_index != cycle_)) Flush();
    if (pending_.empty()) {
      stretch_start_ms_ = bucket.hour_start_ms;
      stretch_day_ = day;
    }
    cycle_ = cycle_index;
    stretch_end_ms_ = bucket.hour_start_ms + kMsPerHour;
    for (const Allocation& piece : split) {
      const int grant = piece.source == SourceKind::kGrant ? static_cast<int>(piece.grant) : -1;
      pending_[Key{piece.source, grant, bucket.category, bucket.feature}] += piece.credits;
    }
  }

  // Books what is pending; called before any other entry and at the end of the walk.
  void Flush() {
    for (const auto& [key, credits] : pending_) {
      LedgerEntry& e = Book(EntryKind::kConsumption, std::get<0>(key), std::get<1>(key), cycle_,
                            stretch_start_ms_, credits);
      e.end_ms = stretch_end_ms_;
      e.category = std::get<2>(key);
      e.feature = std::get<3>(key);
    }
    pending_.clear();
  }

 private:
  using Key = std::tuple<SourceKind, int, std::string, std::string>;  // source, grant, category, feature

  LedgerEntry& Book(EntryKind kind, SourceKind source, int grant, int cycle, std::int64_t at_ms,
                    MicroCredits credits) {
    LedgerEntry& e = ledger_.entries.emplace_back();
    e.kind = kind;
    e.source = source;
    e.grant = grant;
    e.cycle = cycle;
    e.at_ms = at_ms;
    e.end_ms = at_ms;
    e.local_day = ledger_.zone.LocalDay(at_ms);
    e.credits = credits;
    return e;
  }

  Ledger& ledger_;
  int cycle_ = -1;  // the cycle in force at the last step
  std::map<Key, MicroCredits> pending_;
  std::int64_t stretch_start_ms_ = 0;
  std::int64_t stretch_end_ms_ = 0;
  std::int32_t stretch_day_ = 0;
};

}  // namespace

const char* ToString(EntryKind kind) {
  switch (kind) {
    case EntryKind::kCycleReset:
      return "cycle_reset";
    case EntryKind::kGrant:
      return "grant";
    case EntryKind::kConsumption:
      return "consumption";
    case EntryKind::kExpiry:
      return "expiry";
  }
  return "?";
}

Ledger BuildLedger(const Workspace& workspace, const model::TimeZone& zone,
                   std::span<const UsageBucket> usage, std::int64_t as_of_ms) {
  Ledger ledger{workspace, zone, as_of_ms, BillingPeriodsThrough(workspace, zone, as_of_ms), {}};
  LedgerWriter writer(ledger);
  WalkCreditTimeline(workspace, ledger.cycles, usage, as_of_ms, writer);
  writer.Flush();
  return ledger;
}

MicroCredits UsageInCycle(const Ledger& ledger, int cycle) {
  MicroCredits used = 0;
  for (const LedgerEntry& e : ledger.entries) {
    if (e.kind == EntryKind::kConsumption && e.cycle == cycle) used += e.credits;
  }
  return used;
}

std::string SourceName(const Ledger& ledger, const LedgerEntry& entry) {
  if (entry.source == SourceKind::kGrant && entry.grant >= 0) {
    return "grant:" + ledger.workspace.credit_grants[static_cast<std::size_t>(entry.grant)].id;
  }
  return ToString(entry.source);
}

}  // namespace creditlens::billing

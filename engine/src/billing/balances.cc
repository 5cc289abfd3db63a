// Ledger replay, the credits summary and the day-by-day schedule.
#include "billing/balances.h"

#include <algorithm>
#include <stdexcept>

namespace creditlens::billing {
namespace {

[[noreturn]] void Disagree(const LedgerEntry& entry, const char* what) {
  throw std::logic_error(std::string("ledger entry ") + ToString(entry.kind) + " of " +
                         FormatMicroCredits(entry.credits) + " credits at " + std::to_string(entry.at_ms) +
                         ": " + what);
}

}  // namespace

void LedgerReplay::Apply(const LedgerEntry& entry) {
  const auto grant = static_cast<std::size_t>(entry.grant);
  switch (entry.kind) {
    case EntryKind::kCycleReset:
      sources_.OpenCycle();
      cycle_ = entry.cycle;
      return;
    case EntryKind::kGrant:
      if (entry.source == SourceKind::kIncluded) {
        sources_.GrantIncluded(entry.credits);
        return;
      }
      sources_.MakeAvailable(grant);
      if (sources_.grant_remaining(grant) != entry.credits) Disagree(entry, "not the grant's credits");
      return;
    case EntryKind::kConsumption:
      sources_.Debit({entry.source, entry.source == SourceKind::kGrant ? grant : 0, entry.credits});
      return;
    case EntryKind::kExpiry:
      if (entry.source == SourceKind::kIncluded) {
        if (sources_.CloseCycle() != entry.credits) Disagree(entry, "not the included credits left");
        cycle_ = -1;
        return;
      }
      if (sources_.Expire(grant) != entry.credits) Disagree(entry, "not the grant's remainder");
      return;
  }
}

CreditsSummary SummarizeCredits(const Ledger& ledger) {
  const auto& grants = ledger.workspace.credit_grants;
  CreditsSummary summary;
  summary.as_of_ms = ledger.as_of_ms;
  summary.flex_enabled = ledger.workspace.flex_enabled;
  summary.flex_threshold = ledger.workspace.flex_threshold;
  std::vector<MicroCredits> consumed(grants.size(), 0);
  std::vector<MicroCredits> expired(grants.size(), 0);

  LedgerReplay replay(ledger);
  for (const LedgerEntry& e : ledger.entries) {
    replay.Apply(e);
    if (e.source != SourceKind::kGrant) continue;
    const auto grant = static_cast<std::size_t>(e.grant);
    if (e.kind == EntryKind::kConsumption) consumed[grant] += e.credits;
    if (e.kind == EntryKind::kExpiry) expired[grant] += e.credits;
  }
  const CreditSources& sources = replay.sources();

  summary.cycle = replay.cycle();
  if (summary.cycle >= 0) {
    const BillingPeriod& cycle = ledger.cycles[static_cast<std::size_t>(summary.cycle)];
    summary.cycle_start_ms = cycle.start_ms;
    summary.cycle_end_ms = cycle.end_ms;
    summary.resets_on_day = ledger.zone.LocalDay(cycle.end_ms);
    summary.included = cycle.included;
    summary.included_remaining = sources.included_remaining();
    summary.included_used = cycle.included - summary.included_remaining;
    summary.flex_used = sources.flex_used();
    summary.over_limit = sources.over_limit();
    summary.cycle_usage = UsageInCycle(ledger, summary.cycle);
  }
  summary.allocated = summary.included;
  summary.consumed = summary.included_used;
  summary.remaining = summary.included_remaining;

  for (std::size_t i = 0; i < grants.size(); ++i) {
    const CreditGrant& g = grants[i];
    GrantSummary& out = summary.grants.emplace_back();
    out.id = g.id;
    out.kind = g.kind;
    out.price = g.price;
    out.priority = g.priority;
    out.credits = g.credits;
    out.consumed = consumed[i];
    out.expired = expired[i];
    out.remaining = sources.grant_remaining(i);
    out.available_from_ms = g.available_from_ms;
    out.expires_at_ms = g.expires_at_ms;
    out.available_from_day = ledger.zone.LocalDay(g.available_from_ms);
    if (g.expires_at_ms) out.expires_on_day = ledger.zone.LocalDay(*g.expires_at_ms);
    out.state = sources.grant_state(i);
    out.exhausted = out.state == GrantState::kAvailable && out.remaining == 0;
    if (out.state == GrantState::kAvailable) {
      summary.allocated += g.credits;
      summary.consumed += out.consumed;
      summary.remaining += out.remaining;
    }
  }
  return summary;
}

std::vector<DayBalance> BalanceSchedule(const Ledger& ledger, std::int32_t first_day, std::int32_t last_day) {
  last_day = std::min(last_day, ledger.zone.LocalDay(ledger.as_of_ms));
  std::vector<DayBalance> schedule;
  LedgerReplay replay(ledger);
  std::size_t next = 0;
  for (std::int32_t day = first_day; day <= last_day; ++day) {
    DayBalance& row = schedule.emplace_back();
    row.day = day;
    for (; next < ledger.entries.size() && ledger.entries[next].local_day <= day; ++next) {
      const LedgerEntry& e = ledger.entries[next];
      replay.Apply(e);
      if (e.kind == EntryKind::kConsumption && e.local_day == day) row.consumed += e.credits;
    }
    const CreditSources& sources = replay.sources();
    row.cycle = replay.cycle();
    row.included_remaining = sources.included_remaining();
    for (std::size_t i = 0; i < ledger.workspace.credit_grants.size(); ++i) {
      row.grant_remaining.push_back(sources.grant_remaining(i));
    }
    row.flex_used = sources.flex_used();
    row.over_limit = sources.over_limit();
  }
  return schedule;
}

}  // namespace creditlens::billing

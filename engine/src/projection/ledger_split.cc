#include "projection/ledger_split.h"

#include <algorithm>

#include "billing/invoice.h"
#include "billing/ledger.h"
#include "billing/money.h"

namespace creditlens::projection {
namespace {

using billing::EntryKind;
using billing::LedgerEntry;
using billing::SourceKind;

// What the used part of a grant cost: its price times the share of its credits used, to the cent.
billing::Cents GrantValue(const CreditGrant& grant, MicroCredits used) {
  if (grant.credits <= 0 || used <= 0) return 0;
  const billing::MicroDollars price = billing::ParseDollars(grant.price, "grant " + grant.id + " price");
  __extension__ typedef __int128 Wide;  // price x credits overflows 64 bits for large grants
  const Wide micro_dollars = static_cast<Wide>(price) * used / grant.credits;
  return billing::ExactAmount::FromMicroDollars(static_cast<billing::MicroDollars>(micro_dollars))
      .RoundToCents();
}

// The day a cycle's included credits reach 0, replaying its included consumption.
std::optional<std::int32_t> IncludedRunsOut(const billing::Ledger& ledger, int cycle) {
  const MicroCredits included = ledger.cycles[static_cast<std::size_t>(cycle)].included;
  if (included <= 0) return std::nullopt;
  MicroCredits used = 0;
  for (const LedgerEntry& e : ledger.entries) {
    if (e.kind != EntryKind::kConsumption || e.cycle != cycle || e.source != SourceKind::kIncluded) continue;
    used += e.credits;
    if (used >= included) return e.local_day;
  }
  return std::nullopt;
}

// The day consumption emptied the last prepaid balance, when it stays empty through the ledger's end.
std::optional<std::int32_t> PrepaidRunsOut(const billing::Ledger& ledger) {
  MicroCredits balance = 0;
  std::optional<std::int32_t> emptied;
  for (const LedgerEntry& e : ledger.entries) {
    if (e.grant < 0) continue;
    if (e.kind == EntryKind::kGrant) {
      balance += e.credits;
      if (e.credits > 0) emptied.reset();
    } else if (e.kind == EntryKind::kConsumption || e.kind == EntryKind::kExpiry) {
      balance -= e.credits;
      if (balance == 0 && e.kind == EntryKind::kConsumption && e.credits > 0) emptied = e.local_day;
    }
  }
  return balance == 0 ? emptied : std::nullopt;
}

CycleResult DescribeCycle(const billing::Ledger& ledger, int cycle, std::int64_t projected_from_ms,
                          std::int32_t horizon_day) {
  const billing::Invoice invoice = billing::BuildInvoice(ledger, cycle);
  CycleResult result;
  result.first_day = invoice.first_day;
  result.last_day = std::min(invoice.last_day, horizon_day);
  result.cut_at_horizon = invoice.last_day > horizon_day;
  result.included = ledger.cycles[static_cast<std::size_t>(cycle)].included;
  for (const LedgerEntry& e : ledger.entries) {
    if (e.kind != EntryKind::kConsumption || e.cycle != cycle) continue;
    (e.at_ms < projected_from_ms ? result.actual : result.projected) += e.credits;
  }
  result.included_applied = invoice.included_applied;
  result.prepaid_applied = invoice.prepaid_applied;
  result.flex_credits = invoice.flex_credits;
  result.over_limit = invoice.over_limit;
  result.flex_cost = invoice.total;
  result.included_runs_out = IncludedRunsOut(ledger, cycle);
  return result;
}

}  // namespace

LedgerSplit SplitByLedger(const Workspace& workspace, const model::TimeZone& zone,
                          std::span<const billing::UsageBucket> usage, std::int32_t first_projected_day,
                          std::int32_t horizon_day) {
  const std::int64_t projected_from_ms = zone.StartOfDay(first_projected_day);
  const billing::Ledger ledger =
      billing::BuildLedger(workspace, zone, usage, zone.StartOfDay(horizon_day + 1) - 1);
  LedgerSplit split;
  std::vector<MicroCredits> flex_by_cycle(ledger.cycles.size());
  std::vector<MicroCredits> used_by_grant(workspace.credit_grants.size());
  for (const LedgerEntry& e : ledger.entries) {
    if (e.kind != EntryKind::kConsumption || e.at_ms < projected_from_ms) continue;
    switch (e.source) {
      case SourceKind::kIncluded:
        break;
      case SourceKind::kGrant:
        split.beyond.prepaid += e.credits;
        used_by_grant[static_cast<std::size_t>(e.grant)] += e.credits;
        break;
      case SourceKind::kFlex:
        split.beyond.flex += e.credits;
        if (e.cycle >= 0) flex_by_cycle[static_cast<std::size_t>(e.cycle)] += e.credits;
        break;
      case SourceKind::kOverLimit:
        split.beyond.over_limit += e.credits;
        break;
    }
  }
  for (std::size_t g = 0; g < used_by_grant.size(); ++g) {
    split.beyond.prepaid_value += GrantValue(workspace.credit_grants[g], used_by_grant[g]);
  }
  for (std::size_t c = 0; c < ledger.cycles.size(); ++c) {
    const billing::BillingPeriod& period = ledger.cycles[c];
    if (flex_by_cycle[c] > 0) {
      const billing::MicroDollars price =
          billing::ParseDollars(period.subscription.flex_price_per_credit,
                                "plan " + period.subscription.plan + " flex_price_per_credit");
      split.beyond.flex_cost += billing::ExactAmount::Charge(flex_by_cycle[c], price).RoundToCents();
    }
    if (period.end_ms <= projected_from_ms) continue;
    split.cycles.push_back(DescribeCycle(ledger, static_cast<int>(c), projected_from_ms, horizon_day));
    if (!split.included_runs_out) split.included_runs_out = split.cycles.back().included_runs_out;
  }
  split.prepaid_runs_out = PrepaidRunsOut(ledger);
  return split;
}

}  // namespace creditlens::projection

// Invoice lines from the ledger's consumption entries of one cycle.
#include "billing/invoice.h"

#include <map>
#include <stdexcept>
#include <utility>

namespace creditlens::billing {
namespace {

std::string OverLimitNote(const Workspace& workspace) {
  if (!workspace.flex_enabled) return "not charged: flex is disabled for this workspace";
  if (workspace.flex_threshold) {
    return "not charged: the flex threshold of " + FormatMicroCredits(*workspace.flex_threshold) +
           " credits per cycle was reached";
  }
  return "not charged: no credit source covered it";
}

}  // namespace

const char* ToString(InvoiceStatus status) { return status == InvoiceStatus::kFinal ? "final" : "draft"; }

const char* ToString(InvoiceLineKind kind) {
  switch (kind) {
    case InvoiceLineKind::kUsage:
      return "usage";
    case InvoiceLineKind::kIncluded:
      return "included";
    case InvoiceLineKind::kPrepaid:
      return "prepaid";
    case InvoiceLineKind::kFlex:
      return "flex";
    case InvoiceLineKind::kOverLimit:
      return "over_limit";
  }
  return "?";
}

Invoice BuildInvoice(const Ledger& ledger, int cycle) {
  if (cycle < 0 || static_cast<std::size_t>(cycle) >= ledger.cycles.size()) {
    throw std::out_of_range("no billing cycle " + std::to_string(cycle) + " in the ledger of " +
                            ledger.workspace.id);
  }
  const BillingPeriod& period = ledger.cycles[static_cast<std::size_t>(cycle)];
  const Workspace& workspace = ledger.workspace;
  Invoice invoice;
  invoice.workspace_id = workspace.id;
  invoice.workspace_name = workspace.name;
  invoice.plan = period.subscription.plan;
  invoice.cycle = cycle;
  invoice.period_start_ms = period.start_ms;
  invoice.period_end_ms = period.end_ms;
  invoice.first_day = ledger.zone.LocalDay(period.start_ms);
  invoice.last_day = ledger.zone.LocalDay(period.end_ms - 1);
  invoice.status = period.end_ms <= ledger.as_of_ms ? InvoiceStatus::kFinal : InvoiceStatus::kDraft;
  invoice.as_of_ms = ledger.as_of_ms;

  std::map<std::pair<std::string, std::string>, MicroCredits> by_feature;
  std::map<int, MicroCredits> by_grant;
  for (const LedgerEntry& e : ledger.entries) {
    if (e.kind != EntryKind::kConsumption || e.cycle != cycle) continue;
    invoice.usage += e.credits;
    by_feature[{e.category, e.feature}] += e.credits;
    switch (e.source) {
      case SourceKind::kIncluded:
        invoice.included_applied += e.credits;
        break;
      case SourceKind::kGrant:
        invoice.prepaid_applied += e.credits;
        by_grant[e.grant] += e.credits;
        break;
      case SourceKind::kFlex:
        invoice.flex_credits += e.credits;
        break;
      case SourceKind::kOverLimit:
        invoice.over_limit += e.credits;
        break;
    }
  }

  const auto add = [&invoice](InvoiceLineKind kind, std::string description,
                              MicroCredits credits) -> InvoiceLine& {
    InvoiceLine& line = invoice.lines.emplace_back();
    line.kind = kind;
    line.description = std::move(description);
    line.credits = credits;
    return line;
  };
  for (const auto& [key, credits] : by_feature) {
    if (credits == 0) continue;
    InvoiceLine& line = add(InvoiceLineKind::kUsage, key.first + "/" + key.second, credits);
    line.category = key.first;
    line.feature = key.second;
  }
  if (invoice.included_applied > 0) {
    add(InvoiceLineKind::kIncluded, "Included credits (" + invoice.plan + ")", invoice.included_applied);
  }
  for (const auto& [grant, credits] : by_grant) {
    const CreditGrant& g = workspace.credit_grants[static_cast<std::size_t>(grant)];
    InvoiceLine& line = add(InvoiceLineKind::kPrepaid, "Prepaid credits (" + g.id + ")", credits);
    line.grant_id = g.id;
    const MicroDollars price = ParseDollars(g.price, "grant " + g.id + " price");
    line.note = "paid when bought: $" + FormatCents(ExactAmount::FromMicroDollars(price).RoundToCents());
  }
  if (invoice.flex_credits > 0) {
    InvoiceLine& line = add(InvoiceLineKind::kFlex, "Flex overage", invoice.flex_credits);
    line.unit_price = ParseDollars(period.subscription.flex_price_per_credit,
                                   "plan " + invoice.plan + " flex_price_per_credit");
    line.amount = ExactAmount::Charge(line.credits, line.unit_price).RoundToCents();
  }
  if (invoice.over_limit > 0) {
    add(InvoiceLineKind::kOverLimit, "Over limit", invoice.over_limit).note = OverLimitNote(workspace);
  }
  for (const InvoiceLine& line : invoice.lines) invoice.total += line.amount;
  return invoice;
}

std::optional<Invoice> LatestInvoice(const Ledger& ledger) {
  if (ledger.cycles.empty()) return std::nullopt;
  return BuildInvoice(ledger, static_cast<int>(ledger.cycles.size()) - 1);
}

}  // namespace creditlens::billing

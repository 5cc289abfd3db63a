// Billing views as tables. Amounts stay exact: credits in micro-credits, money in cents.
#include "query/billing_tables.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "billing/balances.h"
#include "billing/invoice.h"
#include "billing/money.h"
#include "billing/recommendations.h"
#include "model/timestamp.h"

namespace creditlens::query {
namespace {

constexpr std::int64_t kMsPerHour = 3'600'000;

Cell Text(std::string text) { return {std::move(text), 0}; }
Cell Value(std::int64_t value) { return {{}, value}; }
Cell Date(std::int32_t day) { return {model::FormatDate(day), 0}; }
Cell OptionalDate(const std::optional<std::int32_t>& day) { return day ? Date(*day) : Text(""); }

std::int64_t FloorHour(std::int64_t ms) {
  return (ms >= 0 ? ms / kMsPerHour : (ms - kMsPerHour + 1) / kMsPerHour) * kMsPerHour;
}

DataTable NewTable(const std::string& name, const char* kind, std::vector<TableColumn> columns) {
  return {name, kind, std::move(columns), {}};
}

}  // namespace

// The first instant a workspace's billing can use: its earliest subscription or grant.
std::int64_t BillingStart(const Workspace& w) {
  std::int64_t first = std::numeric_limits<std::int64_t>::max();
  for (const Subscription& s : w.subscriptions) first = std::min(first, s.starts_at_ms);
  for (const CreditGrant& g : w.credit_grants) first = std::min(first, g.available_from_ms);
  return first;
}

void ForEachHourlyUsage(
    const UsageEngine& engine, std::int64_t as_of_ms,
    const std::function<void(const Workspace&, std::span<const billing::UsageBucket>)>& visit) {
  std::vector<AggregateRow> rows;
  std::vector<billing::UsageBucket> buckets;
  for (const Workspace* w : engine.VisibleWorkspaces()) {
    buckets.clear();
    const std::int64_t first = BillingStart(*w);
    if (first < as_of_ms) {
      // Whole UTC hours and the rollup's whole key: its rows answer as they stand, no grouping. The
      // ledger books nothing after as_of.
      const AggregateRequest request{FloorHour(first),
                                     FloorHour(as_of_ms) + kMsPerHour,
                                     {{Dimension::kWorkspace, {w->id}}},
                                     {Dimension::kWorkspace, Dimension::kCategory, Dimension::kFeature},
                                     TimeBucket::kHourUtc};
      const Status status = engine.source().Aggregate(request, rows);
      if (!status.ok()) throw std::runtime_error("hourly usage of " + w->id + ": " + status.message());
      buckets.reserve(rows.size());
      for (AggregateRow& row : rows) {
        buckets.push_back({row.bucket_start_ms, std::move(row.keys[2]), std::move(row.keys[1]), row.credits});
      }
      rows.clear();
      std::sort(buckets.begin(), buckets.end(), [](const auto& a, const auto& b) {
        return std::tie(a.hour_start_ms, a.category, a.feature) <
               std::tie(b.hour_start_ms, b.category, b.feature);
      });
    }
    visit(*w, buckets);
  }
}

std::vector<billing::Ledger> LoadLedgers(const UsageEngine& engine, std::int64_t as_of_ms) {
  std::vector<billing::Ledger> ledgers;
  ForEachHourlyUsage(engine, as_of_ms, [&](const Workspace& w, std::span<const billing::UsageBucket> usage) {
    ledgers.push_back(billing::BuildLedger(w, model::TimeZone::Locate(w.timezone), usage, as_of_ms));
  });
  return ledgers;
}

DataTable CreditsTable(const std::string& name, const std::vector<billing::Ledger>& ledgers) {
  DataTable table = NewTable(name, "credits",
                             {{"workspace", CellType::kText},
                              {"source", CellType::kText},
                              {"allocated", CellType::kCredits},
                              {"consumed", CellType::kCredits},
                              {"remaining", CellType::kCredits},
                              {"available_from", CellType::kDate},
                              {"expires_on", CellType::kDate},
                              {"state", CellType::kText}});
  for (const billing::Ledger& ledger : ledgers) {
    const billing::CreditsSummary s = billing::SummarizeCredits(ledger);
    const std::string& ws = ledger.workspace.id;
    if (s.cycle >= 0) {
      table.rows.push_back({Text(ws), Text("included"), Value(s.included), Value(s.included_used),
                            Value(s.included_remaining), Date(ledger.zone.LocalDay(s.cycle_start_ms)),
                            Date(s.resets_on_day), Text("current cycle")});
    }
    for (const billing::GrantSummary& g : s.grants) {
      const char* state = g.state == billing::GrantState::kPending   ? "pending"
                          : g.state == billing::GrantState::kExpired ? "expired"
                          : g.exhausted                              ? "exhausted"
                                                                     : "available";
      table.rows.push_back({Text(ws), Text("grant:" + g.id), Value(g.credits), Value(g.consumed),
                            Value(g.remaining), Date(g.available_from_day), OptionalDate(g.expires_on_day),
                            Text(state)});
    }
    if (s.flex_enabled) {
      const MicroCredits cap = s.flex_threshold.value_or(0);
      table.rows.push_back({Text(ws), Text("flex"), Value(cap), Value(s.flex_used),
                            Value(s.flex_threshold ? std::max<MicroCredits>(0, cap - s.flex_used) : 0),
                            Text(""), Text(""), Text(s.flex_threshold ? "capped" : "no cap")});
    }
    if (s.over_limit > 0) {
      table.rows.push_back({Text(ws), Text("over_limit"), Value(0), Value(s.over_limit), Value(0), Text(""),
                            Text(""), Text("not covered")});
    }
  }
  return table;
}

DataTable LedgerTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                      const DayRange& days) {
  DataTable table = NewTable(name, "ledger",
                             {{"workspace", CellType::kText},
                              {"date", CellType::kDate},
                              {"at", CellType::kText},
                              {"entry", CellType::kText},
                              {"source", CellType::kText},
                              {"category", CellType::kText},
                              {"feature", CellType::kText},
                              {"credits", CellType::kCredits}});
  for (const billing::Ledger& ledger : ledgers) {
    for (const billing::LedgerEntry& e : ledger.entries) {
      if (e.local_day < days.first_day || e.local_day > days.last_day) continue;
      table.rows.push_back({Text(ledger.workspace.id), Date(e.local_day), Text(model::FormatIsoUtc(e.at_ms)),
                            Text(billing::ToString(e.kind)), Text(billing::SourceName(ledger, e)),
                            Text(e.category), Text(e.feature), Value(e.credits)});
    }
  }
  return table;
}

DataTable BalanceTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                       const DayRange& days) {
  DataTable table = NewTable(name, "balance",
                             {{"workspace", CellType::kText},
                              {"date", CellType::kDate},
                              {"included_remaining", CellType::kCredits},
                              {"prepaid_remaining", CellType::kCredits},
                              {"flex_used", CellType::kCredits},
                              {"over_limit", CellType::kCredits},
                              {"consumed", CellType::kCredits}});
  for (const billing::Ledger& ledger : ledgers) {
    for (const billing::DayBalance& b : billing::BalanceSchedule(ledger, days.first_day, days.last_day)) {
      MicroCredits prepaid = 0;
      for (const MicroCredits remaining : b.grant_remaining) prepaid += remaining;
      table.rows.push_back({Text(ledger.workspace.id), Date(b.day), Value(b.included_remaining),
                            Value(prepaid), Value(b.flex_used), Value(b.over_limit), Value(b.consumed)});
    }
  }
  return table;
}

DataTable InvoiceTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                       int cycle_offset) {
  DataTable table = NewTable(name, "invoice",
                             {{"workspace", CellType::kText},
                              {"period_from", CellType::kDate},
                              {"period_to", CellType::kDate},
                              {"status", CellType::kText},
                              {"line", CellType::kText},
                              {"description", CellType::kText},
                              {"credits", CellType::kCredits},
                              {"unit_price", CellType::kText},
                              {"amount", CellType::kMoney},
                              {"note", CellType::kText}});
  for (const billing::Ledger& ledger : ledgers) {
    const int cycle = static_cast<int>(ledger.cycles.size()) - 1 + cycle_offset;
    if (cycle < 0 || ledger.cycles.empty()) continue;
    const billing::Invoice invoice = billing::BuildInvoice(ledger, cycle);
    auto row = [&](std::string line, std::string description, MicroCredits credits, std::string unit_price,
                   billing::Cents amount, std::string note) {
      table.rows.push_back({Text(invoice.workspace_id), Date(invoice.first_day), Date(invoice.last_day),
                            Text(billing::ToString(invoice.status)), Text(std::move(line)),
                            Text(std::move(description)), Value(credits), Text(std::move(unit_price)),
                            Value(amount), Text(std::move(note))});
    };
    for (const billing::InvoiceLine& l : invoice.lines) {
      row(billing::ToString(l.kind), l.description, l.credits,
          l.unit_price ? FormatMicroCredits(l.unit_price) : std::string(), l.amount, l.note);
    }
    row("total", "Total " + invoice.currency, invoice.usage, "", invoice.total, "");
  }
  return table;
}

DataTable AlertsTable(const std::string& name, const UsageEngine& engine, std::int64_t as_of_ms,
                      const billing::AlertOptions& options) {
  DataTable table = NewTable(name, "alerts",
                             {{"workspace", CellType::kText},
                              {"date", CellType::kDate},
                              {"at", CellType::kText},
                              {"alert", CellType::kText},
                              {"threshold_percent", CellType::kCount},
                              {"grant", CellType::kText},
                              {"used", CellType::kCredits},
                              {"limit", CellType::kCredits},
                              {"used_percent", CellType::kText},
                              {"cycle_from", CellType::kText},
                              {"cycle_to", CellType::kText}});
  ForEachHourlyUsage(engine, as_of_ms, [&](const Workspace& w, std::span<const billing::UsageBucket> usage) {
    const auto zone = model::TimeZone::Locate(w.timezone);
    for (const billing::Alert& a : billing::EvaluateAlerts(w, zone, usage, as_of_ms, options)) {
      char percent[32];
      std::snprintf(percent, sizeof percent, "%lld.%02lld%%",
                    static_cast<long long>(a.used_basis_points / 100),
                    static_cast<long long>(a.used_basis_points % 100));
      table.rows.push_back({Text(w.id), Date(a.local_day), Text(model::FormatIsoUtc(a.at_ms)),
                            Text(billing::ToString(a.kind)), Value(a.threshold_percent), Text(a.grant_id),
                            Value(a.used), Value(a.limit), Text(percent),
                            Text(a.cycle >= 0 ? model::FormatIsoUtc(a.cycle_start_ms) : ""),
                            Text(a.cycle >= 0 ? model::FormatIsoUtc(a.cycle_end_ms) : "")});
    }
  });
  return table;
}

DataTable RecommendationTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                              const billing::RecommendationOptions& options) {
  DataTable table = NewTable(name, "recommendation",
                             {{"workspace", CellType::kText},
                              {"cycles_considered", CellType::kCount},
                              {"cycles_exceeded", CellType::kCount},
                              {"expected_overage", CellType::kCredits},
                              {"option", CellType::kText},
                              {"available", CellType::kText},
                              {"cost_per_cycle", CellType::kMoney},
                              {"best", CellType::kText},
                              {"description", CellType::kText},
                              {"summary", CellType::kText}});
  for (const billing::Ledger& ledger : ledgers) {
    if (ledger.cycles.empty()) continue;
    const billing::Recommendation r = billing::Recommend(billing::RecommendationInputFrom(ledger), options);
    if (!r.change_recommended) {
      table.rows.push_back({Text(ledger.workspace.id), Value(static_cast<std::int64_t>(r.cycles_considered)),
                            Value(static_cast<std::int64_t>(r.cycles_exceeded)), Value(r.expected_overage),
                            Text(""), Text(""), Value(0), Text(""), Text(""), Text(r.summary)});
      continue;
    }
    for (const billing::RecommendationOption& o : r.options) {
      table.rows.push_back({Text(ledger.workspace.id), Value(static_cast<std::int64_t>(r.cycles_considered)),
                            Value(static_cast<std::int64_t>(r.cycles_exceeded)), Value(r.expected_overage),
                            Text(billing::ToString(o.kind)), Text(o.available ? "yes" : "no"),
                            Value(o.cost_per_cycle), Text(r.best == o.kind ? "yes" : "no"),
                            Text(o.available ? o.description : o.note), Text(r.summary)});
    }
  }
  return table;
}

}  // namespace creditlens::query

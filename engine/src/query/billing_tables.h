// The billing views reports ask for, as tables: each workspace's ledger is built from its hourly
// usage in the source (the rollups), then summarised as credits, ledger entries, a balance
// schedule, invoice lines, alerts or a recommendation.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "billing/alerts.h"
#include "billing/ledger.h"
#include "billing/recommendations.h"
#include "query/data_table.h"
#include "query/day_range.h"
#include "query/usage_query.h"

namespace creditlens::query {

// Calls visit with each visible workspace and its hourly usage, from its first subscription or grant
// up to as_of, in time order. One workspace's usage is held at a time.
void ForEachHourlyUsage(
    const UsageEngine& engine, std::int64_t as_of_ms,
    const std::function<void(const Workspace&, std::span<const billing::UsageBucket>)>& visit);

// The ledger of each visible workspace as of a time, in the engine's workspace order.
std::vector<billing::Ledger> LoadLedgers(const UsageEngine& engine, std::int64_t as_of_ms);

// One row per workspace and credit source (included, each grant, flex): allocated, consumed,
// remaining, availability and expiry: the "credits tab".
DataTable CreditsTable(const std::string& name, const std::vector<billing::Ledger>& ledgers);

// Every ledger entry on the given local days (each workspace's own zone), oldest first.
DataTable LedgerTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                      const DayRange& days);

// End-of-day balances per workspace for the given local days.
DataTable BalanceTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                       const DayRange& days);

// The lines of each workspace's invoice for a cycle: 0 the current (draft) one, -1 the one before,
// -2 the one before that; a workspace without that cycle has no lines.
DataTable InvoiceTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                       int cycle_offset);

// Alerts of each visible workspace up to as_of, in time order per workspace.
DataTable AlertsTable(const std::string& name, const UsageEngine& engine, std::int64_t as_of_ms,
                      const billing::AlertOptions& options);

// Flex vs prepaid bundle vs plan upgrade, per workspace that keeps exceeding its included credits.
DataTable RecommendationTable(const std::string& name, const std::vector<billing::Ledger>& ledgers,
                              const billing::RecommendationOptions& options);

}  // namespace creditlens::query

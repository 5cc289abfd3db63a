// The credit ledger: an append-only list of entries from which every balance is derived.
//
// Entries, in the order they happened (see credit_timeline.h for the time rules):
//   - kCycleReset  at a cycle's start: included credits, flex used and over-limit restart (credits 0);
//   - kGrant       included credits at each cycle start (annual plans: the year's credits up front),
//                  and a credit grant's credits at its available_from;
//   - kConsumption usage taken from one source (included, one grant, flex, over-limit) for one
//                  category/feature over a stretch of one local day in the workspace's zone. A stretch
//                  is cut at local midnight and wherever another entry falls inside the day (a grant
//                  arriving or expiring at 14:00, a plan change), so a day may hold several entries
//                  per source and feature, and replaying the entries gives exact balances at every
//                  entry. Entries booked together are ordered by source (included, grants in index
//                  order, flex, over-limit), then category, then feature;
//   - kExpiry      unused included credits at a cycle's end, and a grant's remainder at expires_at;
//                  booked even when nothing is left (credits 0), so the ledger says when each ended.
// Guarantees: consumption entries sum exactly to the usage walked; no replayed balance is negative.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "billing/credit_sources.h"
#include "billing/credit_timeline.h"
#include "creditlens/accounts.h"
#include "model/time_zone.h"

namespace creditlens::billing {

enum class EntryKind { kCycleReset, kGrant, kConsumption, kExpiry };
const char* ToString(EntryKind kind);  // "cycle_reset", "grant", "consumption", "expiry"

struct LedgerEntry {
  EntryKind kind = EntryKind::kGrant;
  SourceKind source = SourceKind::kIncluded;  // kCycleReset: kIncluded
  int grant = -1;                             // index into Ledger::workspace.credit_grants, or -1
  int cycle = -1;                             // index into Ledger::cycles; -1 when no plan is in force
  std::int64_t at_ms = 0;      // UTC; consumption: start of the first hour bucket of the stretch
  std::int64_t end_ms = 0;     // consumption: end of the last hour bucket of the stretch; others: at_ms
  std::int32_t local_day = 0;  // the workspace-local day of at_ms
  std::string category;        // consumption only
  std::string feature;         // consumption only
  MicroCredits credits = 0;    // >= 0; the kind says whether it adds or takes
};

struct Ledger {
  Workspace workspace;  // a copy: the ledger outlives its inputs
  model::TimeZone zone;
  std::int64_t as_of_ms = 0;
  std::vector<BillingPeriod> cycles;
  std::vector<LedgerEntry> entries;
};

// Builds the ledger of one workspace up to as_of (see credit_timeline.h for what is included).
Ledger BuildLedger(const Workspace& workspace, const model::TimeZone& zone,
                   std::span<const UsageBucket> usage, std::int64_t as_of_ms);

// All usage booked in one cycle, whatever source covered it.
MicroCredits UsageInCycle(const Ledger& ledger, int cycle);

// "included", "grant:<id>", "flex" or "over_limit".
std::string SourceName(const Ledger& ledger, const LedgerEntry& entry);

}  // namespace creditlens::billing

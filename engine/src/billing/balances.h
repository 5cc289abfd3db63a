// Balances derived from the ledger, and the credits summary (the "credits tab"): what was allocated,
// consumed and is left, each grant's availability and expiry, and a day-by-day balance schedule.
// Everything here replays ledger entries through CreditSources; nothing re-reads usage.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/credit_sources.h"
#include "billing/ledger.h"

namespace creditlens::billing {

// Replays ledger entries in order. Throws std::logic_error when an entry disagrees with the balances
// (a debit above a balance, an expiry of another amount than what is left): a ledger that replays
// cleanly never had a negative balance.
class LedgerReplay {
 public:
  explicit LedgerReplay(const Ledger& ledger) : sources_(ledger.workspace) {}
  void Apply(const LedgerEntry& entry);
  const CreditSources& sources() const { return sources_; }
  int cycle() const { return cycle_; }  // the cycle in force after the last entry, or -1

 private:
  CreditSources sources_;
  int cycle_ = -1;
};

struct GrantSummary {
  std::string id;
  std::string kind;
  std::string price;  // dollars, as written; paid when bought
  int priority = 0;
  MicroCredits credits = 0;
  MicroCredits consumed = 0;
  MicroCredits expired = 0;
  MicroCredits remaining = 0;
  std::int64_t available_from_ms = 0;
  std::optional<std::int64_t> expires_at_ms;
  std::int32_t available_from_day = 0;         // local day
  std::optional<std::int32_t> expires_on_day;  // local day
  GrantState state = GrantState::kPending;     // at as_of
  bool exhausted = false;                      // available with nothing left
};

// The credits tab at the ledger's as_of. "allocated" counts what is the workspace's to spend now:
// the current cycle's included credits plus every grant available and not expired; consumed and
// remaining are taken from the same credits, so allocated = consumed + remaining.
struct CreditsSummary {
  std::int64_t as_of_ms = 0;
  int cycle = -1;  // index into Ledger::cycles of the cycle in force, or -1
  std::int64_t cycle_start_ms = 0;
  std::int64_t cycle_end_ms = 0;   // the next reset
  std::int32_t resets_on_day = 0;  // local day of the next reset
  MicroCredits included = 0;
  MicroCredits included_used = 0;
  MicroCredits included_remaining = 0;
  bool flex_enabled = false;
  std::optional<MicroCredits> flex_threshold;
  MicroCredits flex_used = 0;    // this cycle
  MicroCredits over_limit = 0;   // this cycle
  MicroCredits cycle_usage = 0;  // all usage this cycle, whatever covered it
  MicroCredits allocated = 0;
  MicroCredits consumed = 0;
  MicroCredits remaining = 0;
  std::vector<GrantSummary> grants;  // in the workspace's order
};

CreditsSummary SummarizeCredits(const Ledger& ledger);

// Balances at the end of one local day.
struct DayBalance {
  std::int32_t day = 0;
  int cycle = -1;  // in force at the end of the day
  MicroCredits included_remaining = 0;
  std::vector<MicroCredits> grant_remaining;  // index-aligned with the workspace's credit_grants
  MicroCredits flex_used = 0;                 // in the cycle so far
  MicroCredits over_limit = 0;                // in the cycle so far
  MicroCredits consumed = 0;                  // usage booked on this day, all sources
};

// One row per local day from first_day through last_day, stopping at the local day of as_of (the
// ledger knows nothing later).
std::vector<DayBalance> BalanceSchedule(const Ledger& ledger, std::int32_t first_day, std::int32_t last_day);

}  // namespace creditlens::billing

// The ledger over actual and projected usage together: which credit source (included, prepaid
// grants, flex) each projected credit would come from, what it would cost, and when included and
// prepaid credits run out. Projected usage is one bucket per feature and local day, booked at the
// day's start.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "billing/credit_timeline.h"
#include "creditlens/accounts.h"
#include "model/time_zone.h"
#include "projection/projection_result.h"

namespace creditlens::projection {

struct LedgerSplit {
  BeyondIncluded beyond;            // usage booked from the first projected day on
  std::vector<CycleResult> cycles;  // those overlapping the projected days
  std::optional<std::int32_t> included_runs_out;
  std::optional<std::int32_t> prepaid_runs_out;
};

// `usage` holds actual buckets before the first projected day's start and projected ones from it on.
// Throws std::invalid_argument for accounts the ledger refuses (a price that is not a decimal).
LedgerSplit SplitByLedger(const Workspace& workspace, const model::TimeZone& zone,
                          std::span<const billing::UsageBucket> usage, std::int32_t first_projected_day,
                          std::int32_t horizon_day);

}  // namespace creditlens::projection

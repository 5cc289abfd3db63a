// The credit timeline: walks one workspace from its first plan, grant or usage up to an as-of instant,
// merging billing-cycle starts and ends, grant availability and expiry, and hourly usage in time
// order, and tells a visitor what each step did. The ledger and the alerts watch the same walk.
//
// Time rules:
//   - a usage bucket [h, h + 1 hour) counts as happening at its start h: it belongs to the cycle in
//     force at h and may use a grant when available_from <= h < expires_at (hour granularity);
//   - events at the same instant apply in this order: the ending cycle's unused included credits
//     expire, the new cycle opens and is granted its included credits, grants become available,
//     grants expire (a grant whose expiry is not after its availability expires as it arrives);
//   - the walk covers every event at or before as_of and every bucket starting before as_of.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "billing/credit_sources.h"
#include "creditlens/accounts.h"
#include "model/time_zone.h"

namespace creditlens::billing {

// Usage of one feature in one UTC hour, as the store's hourly rollup holds it.
struct UsageBucket {
  std::int64_t hour_start_ms = 0;
  std::string feature;
  std::string category;
  MicroCredits credits = 0;  // >= 0
};

// One billing cycle of the walk, with a copy of the plan in force so it outlives the workspace.
struct BillingPeriod {
  int index = 0;              // position in the walk's list of cycles
  std::int64_t start_ms = 0;  // inclusive, UTC
  std::int64_t end_ms = 0;    // exclusive, UTC: the reset (or the plan's end)
  Subscription subscription;
  MicroCredits included = 0;  // granted in full at start_ms (annual plans: the year's credits)
};

// The cycles that start at or before as_of, in time order, skipping gaps with no plan in force.
std::vector<BillingPeriod> BillingPeriodsThrough(const Workspace& workspace, const model::TimeZone& zone,
                                                 std::int64_t as_of_ms);

// What the walk reports, step by step. Every method has an empty default.
class TimelineVisitor {
 public:
  virtual ~TimelineVisitor() = default;
  virtual void CycleClosed(const BillingPeriod& /*cycle*/, MicroCredits /*expired*/) {}
  virtual void CycleOpened(const BillingPeriod& /*cycle*/) {}
  virtual void GrantAvailable(std::size_t /*grant*/, std::int64_t /*at_ms*/) {}
  virtual void GrantExpired(std::size_t /*grant*/, std::int64_t /*at_ms*/, MicroCredits /*expired*/) {}
  // One bucket split over its sources; `cycle` is null when no plan is in force, `sources` holds the
  // balances after the split.
  virtual void BucketConsumed(const UsageBucket& /*bucket*/, const BillingPeriod* /*cycle*/,
                              std::span<const Allocation> /*split*/, const CreditSources& /*sources*/) {}
};

// Walks the timeline. `usage` need not be sorted: buckets are taken by hour, then category, then
// feature (equal keys in input order), so the result never depends on the store's row order.
// Throws std::invalid_argument for a bucket with negative credits or an invalid grant.
void WalkCreditTimeline(const Workspace& workspace, std::span<const BillingPeriod> cycles,
                        std::span<const UsageBucket> usage, std::int64_t as_of_ms, TimelineVisitor& visitor);

}  // namespace creditlens::billing

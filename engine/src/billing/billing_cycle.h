// Billing cycles: monthly or annual periods from a subscription's anchor, cut in the workspace's
// time zone. Anchors on the 29th-31st clamp to the last day of shorter months; a new subscription
// (plan change) starts a new cycle.
#pragma once

#include <cstdint>
#include <optional>

#include "creditlens/accounts.h"
#include "model/time_zone.h"

namespace creditlens::billing {

struct CycleWindow {
  std::int64_t start_ms = 0;  // inclusive, UTC
  std::int64_t end_ms = 0;    // exclusive, UTC: the next reset (or the plan's end)
  const Subscription* subscription = nullptr;
  MicroCredits included = 0;  // credits included in this cycle
};

// The subscription in force at t: the latest one started at or before t that has not ended.
const Subscription* SubscriptionAt(const Workspace& workspace, std::int64_t t_ms);

// The cycle containing t, or nothing when no subscription is in force at t.
std::optional<CycleWindow> CycleAt(const Workspace& workspace, const model::TimeZone& zone,
                                   std::int64_t t_ms);

// Included credits per month, for drawing the allowance on monthly charts: annual plans spread
// their credits evenly over twelve months.
MicroCredits MonthlyAllowance(const Subscription& subscription);

}  // namespace creditlens::billing

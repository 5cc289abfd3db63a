// Alerts: thresholds crossed as usage is consumed. Each fires once per threshold per cycle, at the
// hour bucket whose usage crossed it, with the numbers behind it.
//
//   kIncludedUsed      included credits used reached P% of the cycle's included credits (P from
//                      AlertOptions::included_percents, default 80 and 100), tested exactly as
//                      used x 100 >= P x included. Fires again in the next cycle. A cycle with no
//                      included credits raises none.
//   kPrepaidExhausted  a grant's balance reached zero through consumption (not through expiry). A
//                      grant's balance never grows back, so this fires at most once per grant; it
//                      reports the cycle in force then (or -1).
//   kFlexApproached    flex used this cycle reached P% of the workspace's flex_threshold (default
//                      80%), only when flex is enabled and the threshold is set and above zero.
// Alerts come in time order; several crossed by one bucket come in the order above (grants in
// consumption order), thresholds ascending. They are a pure function of the inputs.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "billing/credit_timeline.h"
#include "creditlens/accounts.h"
#include "model/time_zone.h"

namespace creditlens::billing {

struct AlertOptions {
  std::vector<int> included_percents = {80, 100};  // each > 0; order and repeats do not matter
  std::vector<int> flex_percents = {80};
};

enum class AlertKind { kIncludedUsed, kPrepaidExhausted, kFlexApproached };
const char* ToString(AlertKind kind);  // "included_used", "prepaid_exhausted", "flex_approached"

struct Alert {
  AlertKind kind = AlertKind::kIncludedUsed;
  int threshold_percent = 0;  // 100 for an exhausted grant
  std::string grant_id;       // kPrepaidExhausted only
  int cycle = -1;             // the cycle in force (index of BillingPeriodsThrough), or -1
  std::int64_t cycle_start_ms = 0;
  std::int64_t cycle_end_ms = 0;
  std::int64_t at_ms = 0;  // start of the hour bucket that crossed the threshold
  std::int32_t local_day = 0;
  MicroCredits used = 0;               // right after that bucket: included used, grant consumed, or flex used
  MicroCredits limit = 0;              // included credits, grant credits, or flex threshold
  std::int64_t used_basis_points = 0;  // used x 10000 / limit, floored: 8125 = 81.25%
};

// Throws std::invalid_argument for a threshold percent <= 0.
std::vector<Alert> EvaluateAlerts(const Workspace& workspace, const model::TimeZone& zone,
                                  std::span<const UsageBucket> usage, std::int64_t as_of_ms,
                                  const AlertOptions& options = {});

}  // namespace creditlens::billing

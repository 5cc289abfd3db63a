// What a projection found: the assumptions resolved against the data (dates, zone, workspace), the
// actual usage it started from, and per scenario the projected credits with P10/P50/P90 bands, the
// ledger split of the usage beyond the included credits, and the dates credits run out.
// Credits are exact micro-credits; P50 is the forecast itself, P10/P90 its bands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "billing/money.h"
#include "creditlens/credits.h"
#include "projection/projection_spec.h"

namespace creditlens::projection {

// The spec's relative terms pinned to dates, so a saved projection says exactly what it assumed.
struct ResolvedAssumptions {
  std::string workspace_id;
  std::string workspace_name;
  std::string timezone;              // IANA name
  std::int64_t as_of_ms = 0;         // "now", UTC
  std::int32_t last_actual_day = 0;  // the last local day counted as history
  std::int32_t basis_first_day = 0;  // the basis period, local days, inclusive
  std::int32_t basis_last_day = 0;
  std::int32_t first_projected_day = 0;  // last_actual_day + 1
  std::int32_t horizon_day = 0;          // the last projected day, inclusive

  friend bool operator==(const ResolvedAssumptions&, const ResolvedAssumptions&) = default;
};

// P10, P50 and P90 of an amount.
struct Band {
  MicroCredits p10 = 0;
  MicroCredits p50 = 0;
  MicroCredits p90 = 0;

  friend bool operator==(const Band&, const Band&) = default;
};

// One day of a scenario's chart: actual usage through last_actual_day, projected after.
struct DayPoint {
  std::int32_t day = 0;
  std::optional<MicroCredits> actual;  // days up to last_actual_day
  Band daily;                          // projected days: that day's usage
  Band cycle_to_date;                  // usage since the billing cycle in force started (actual + projected)
  MicroCredits included = 0;           // the cycle's included credits; 0 when no plan is in force

  friend bool operator==(const DayPoint&, const DayPoint&) = default;
};

struct FeatureResult {
  std::string category;
  std::string feature;
  MicroCredits basis_credits = 0;  // actual usage over the basis period
  double basis_rate_per_day = 0;   // basis_credits / basis days, in credits
  Band projected;                  // first_projected_day .. horizon_day
  bool changed = false;            // a scenario change applies to it
  bool added = false;              // no history: the scenario adds it

  friend bool operator==(const FeatureResult&, const FeatureResult&) = default;
};

// What the ledger made of one billing cycle that overlaps the projection, actual and projected usage
// together, cut at the horizon.
struct CycleResult {
  std::int32_t first_day = 0;  // local days, inclusive
  std::int32_t last_day = 0;   // the cycle's last day, or the horizon's when it ends sooner
  bool cut_at_horizon = false;
  MicroCredits included = 0;
  MicroCredits actual = 0;     // usage up to last_actual_day
  MicroCredits projected = 0;  // P50 usage after it
  MicroCredits included_applied = 0;
  MicroCredits prepaid_applied = 0;
  MicroCredits flex_credits = 0;
  MicroCredits over_limit = 0;  // nothing covered it (flex off or its threshold reached)
  billing::Cents flex_cost = 0;
  std::optional<std::int32_t> included_runs_out;  // the local day included credits reach 0

  friend bool operator==(const CycleResult&, const CycleResult&) = default;
};

// Projected usage beyond the included credits, first_projected_day .. horizon_day, by ledger source.
struct BeyondIncluded {
  MicroCredits prepaid = 0;
  MicroCredits flex = 0;
  MicroCredits over_limit = 0;
  billing::Cents prepaid_value = 0;  // what the prepaid credits cost when bought (grant price per credit)
  billing::Cents flex_cost = 0;      // flex credits x the plan's flex price, per cycle, rounded per cycle

  friend bool operator==(const BeyondIncluded&, const BeyondIncluded&) = default;
};

struct ScenarioResult {
  std::string name;
  Band projected;  // all features, first_projected_day .. horizon_day
  // The ledger split of the P50 projection, and of the P10 and P90 bands' paths.
  BeyondIncluded beyond_included;
  BeyondIncluded beyond_included_p10;
  BeyondIncluded beyond_included_p90;
  std::optional<std::int32_t> included_runs_out;  // the first projected day included credits reach 0
  std::optional<std::int32_t> prepaid_runs_out;   // the day the last prepaid credits are used
  std::vector<FeatureResult> features;            // by projected P50, largest first
  std::vector<CycleResult> cycles;
  std::vector<DayPoint> days;  // chart window: the current cycle's start (at most 90 days back) .. horizon

  friend bool operator==(const ScenarioResult&, const ScenarioResult&) = default;
};

struct Projection {
  ProjectionSpec spec;
  ResolvedAssumptions resolved;
  std::vector<ScenarioResult> scenarios;  // in the spec's order

  friend bool operator==(const Projection&, const Projection&) = default;
};

}  // namespace creditlens::projection

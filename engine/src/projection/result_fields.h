// The saved fields of what a projection found (projection_result.h), listed once for saving and loading
// (field_io.h). JSON keys are the struct's field names, without units: dates are "YYYY-MM-DD", the
// as-of time ISO 8601 UTC, credits exact decimals, cents dollars with two decimals.
#pragma once

#include "projection/field_io.h"
#include "projection/projection_result.h"

namespace creditlens::projection {

template <typename Io, Either<ResolvedAssumptions> T>
void Fields(Io& io, T& resolved) {
  io.String("workspace_id", resolved.workspace_id);
  io.String("workspace_name", resolved.workspace_name);
  io.String("timezone", resolved.timezone);
  io.Instant("as_of", resolved.as_of_ms);
  io.Date("last_actual_day", resolved.last_actual_day);
  io.Date("basis_first_day", resolved.basis_first_day);
  io.Date("basis_last_day", resolved.basis_last_day);
  io.Date("first_projected_day", resolved.first_projected_day);
  io.Date("horizon_day", resolved.horizon_day);
}

template <typename Io, Either<Band> T>
void Fields(Io& io, T& band) {
  io.Credits("p10", band.p10);
  io.Credits("p50", band.p50);
  io.Credits("p90", band.p90);
}

template <typename Io, Either<DayPoint> T>
void Fields(Io& io, T& point) {
  io.Date("day", point.day);
  io.Credits("actual", point.actual);
  io.Object("daily", point.daily);
  io.Object("cycle_to_date", point.cycle_to_date);
  io.Credits("included", point.included);
}

template <typename Io, Either<FeatureResult> T>
void Fields(Io& io, T& feature) {
  io.String("category", feature.category);
  io.String("feature", feature.feature);
  io.Credits("basis_credits", feature.basis_credits);
  io.Number("basis_rate_per_day", feature.basis_rate_per_day);
  io.Object("projected", feature.projected);
  io.Bool("changed", feature.changed);
  io.Bool("added", feature.added);
}

template <typename Io, Either<CycleResult> T>
void Fields(Io& io, T& cycle) {
  io.Date("first_day", cycle.first_day);
  io.Date("last_day", cycle.last_day);
  io.Bool("cut_at_horizon", cycle.cut_at_horizon);
  io.Credits("included", cycle.included);
  io.Credits("actual", cycle.actual);
  io.Credits("projected", cycle.projected);
  io.Credits("included_applied", cycle.included_applied);
  io.Credits("prepaid_applied", cycle.prepaid_applied);
  io.Credits("flex_credits", cycle.flex_credits);
  io.Credits("over_limit", cycle.over_limit);
  io.Dollars("flex_cost", cycle.flex_cost);
  io.Date("included_runs_out", cycle.included_runs_out);
}

template <typename Io, Either<BeyondIncluded> T>
void Fields(Io& io, T& beyond) {
  io.Credits("prepaid", beyond.prepaid);
  io.Credits("flex", beyond.flex);
  io.Credits("over_limit", beyond.over_limit);
  io.Dollars("prepaid_value", beyond.prepaid_value);
  io.Dollars("flex_cost", beyond.flex_cost);
}

template <typename Io, Either<ScenarioResult> T>
void Fields(Io& io, T& scenario) {
  io.String("name", scenario.name);
  io.Object("projected", scenario.projected);
  io.Object("beyond_included", scenario.beyond_included);
  io.Object("beyond_included_p10", scenario.beyond_included_p10);
  io.Object("beyond_included_p90", scenario.beyond_included_p90);
  io.Date("included_runs_out", scenario.included_runs_out);
  io.Date("prepaid_runs_out", scenario.prepaid_runs_out);
  io.List("features", scenario.features);
  io.List("cycles", scenario.cycles);
  io.List("days", scenario.days);
}

}  // namespace creditlens::projection

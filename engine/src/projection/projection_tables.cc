#include "projection/projection_tables.h"

#include "model/time_zone.h"
#include "projection/projection_wording.h"
#include "render/amount_text.h"
#include "render/axis_ticks.h"

namespace creditlens::projection {
namespace {

using render::CreditsText;
using render::DollarsText;

const char* FeatureNote(const FeatureResult& feature) {
  if (feature.added) return "new";
  return feature.changed ? "changed" : "";
}

}  // namespace

render::Table ScenarioComparisonTable(const Projection& projection) {
  render::Table table;
  table.title = "Scenarios side by side";
  table.columns = {{"Scenario", false},        {"Projected P50 (P10 \u2013 P90)", true},
                   {"Prepaid", true},          {"Flex", true},
                   {"Flex $", true},           {"Included runs out", false},
                   {"Prepaid runs out", false}};
  const std::int32_t horizon = projection.resolved.horizon_day;
  for (const ScenarioResult& scenario : projection.scenarios) {
    const BeyondIncluded& beyond = scenario.beyond_included;
    table.rows.push_back(
        {scenario.name, CreditsText(scenario.projected.p50) + " (" + BandRangeText(scenario.projected) + ")",
         CreditsText(beyond.prepaid), CreditsText(beyond.flex), DollarsText(beyond.flex_cost),
         RunsOutText(scenario.included_runs_out, horizon), PrepaidRunsOutText(scenario, horizon)});
  }
  return table;
}

render::Table CyclesTable(const ScenarioResult& scenario) {
  render::Table table;
  table.title = "Billing cycles";
  table.columns = {{"Cycle", false},    {"Included", true},      {"Actual", true},
                   {"Projected", true}, {"From included", true}, {"Prepaid", true},
                   {"Flex", true},      {"Flex $", true},        {"Included runs out", false}};
  for (const CycleResult& cycle : scenario.cycles) {
    std::string dates = DayRangeText(cycle.first_day, cycle.last_day);
    if (cycle.cut_at_horizon) dates += " (to horizon)";
    table.rows.push_back({std::move(dates), CreditsText(cycle.included), CreditsText(cycle.actual),
                          CreditsText(cycle.projected), CreditsText(cycle.included_applied),
                          CreditsText(cycle.prepaid_applied), CreditsText(cycle.flex_credits),
                          DollarsText(cycle.flex_cost),
                          cycle.included_runs_out ? model::FormatDate(*cycle.included_runs_out) : "\u2014"});
  }
  return table;
}

render::Table FeaturesTable(const ScenarioResult& scenario) {
  render::Table table;
  table.title = "Per feature";
  table.columns = {{"Category", false},     {"Feature", false},      {"Basis per day", true},
                   {"Projected P10", true}, {"Projected P50", true}, {"Projected P90", true},
                   {"Note", false}};
  for (const FeatureResult& feature : scenario.features) {
    table.rows.push_back({feature.category, feature.feature,
                          render::FormatNumber(feature.basis_rate_per_day, 2),
                          CreditsText(feature.projected.p10), CreditsText(feature.projected.p50),
                          CreditsText(feature.projected.p90), FeatureNote(feature)});
  }
  return table;
}

}  // namespace creditlens::projection

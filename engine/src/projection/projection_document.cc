#include "projection/projection_document.h"

#include <cstdint>
#include <optional>
#include <string>

#include "model/time_zone.h"
#include "projection/projection_chart.h"
#include "projection/projection_tables.h"
#include "projection/projection_wording.h"
#include "render/amount_text.h"

namespace creditlens::projection {
namespace {

using render::CreditsText;
using render::DollarsText;

const char* MethodText(Method method) {
  switch (method) {
    case Method::kSeasonal:
      return "seasonal: weekday rhythm \u00d7 damped trend";
    case Method::kCurrentRate:
      return "current rate";
  }
  return "?";
}

// "cycle_end, to 2026-12-10": the spec's term and what it resolved to; the term is left out when it
// was written as those very dates.
std::string TermAndDates(const std::string& term, const std::string& dates_as_written,
                         const std::string& dates) {
  return term == dates_as_written ? dates : term + ", " + dates;
}

std::string Subtitle(const ResolvedAssumptions& resolved) {
  const model::TimeZone zone =
      resolved.timezone.empty() ? model::TimeZone::Utc() : model::TimeZone::Locate(resolved.timezone);
  return resolved.workspace_name + " (" + resolved.workspace_id + ") \u00b7 as of " +
         model::FormatDate(zone.LocalDay(resolved.as_of_ms)) + " \u00b7 to " +
         model::FormatDate(resolved.horizon_day);
}

std::string AssumptionsText(const Projection& projection) {
  const ResolvedAssumptions& r = projection.resolved;
  const std::string horizon = model::FormatDate(r.horizon_day);
  const std::string basis_days = std::to_string(r.basis_last_day - r.basis_first_day + 1) + " days";
  return "Horizon " + TermAndDates(projection.spec.horizon, horizon, "to " + horizon) + ". Basis " +
         TermAndDates(projection.spec.basis,
                      model::FormatDate(r.basis_first_day) + ".." + model::FormatDate(r.basis_last_day),
                      DayRangeText(r.basis_first_day, r.basis_last_day) + " (" + basis_days + ")") +
         ". Method " + MethodText(projection.spec.method) + ". Time zone " + r.timezone +
         ". Actual usage through " + model::FormatDate(r.last_actual_day) + ", projected from " +
         model::FormatDate(r.first_projected_day) + ".";
}

// The day credits run out as a tile's value; without one, "not before <horizon>" or "no prepaid
// credits" as its caption under a dash (too long for a value: every tile's value would shrink).
render::KpiTile RunsOutTile(const std::string& label, std::optional<std::int32_t> day,
                            const std::string& text) {
  if (day) return {label, text, ""};
  return {label, "\u2014", text};
}

render::KpiRow ScenarioKpis(const ScenarioResult& scenario, std::int32_t horizon_day) {
  const BeyondIncluded& beyond = scenario.beyond_included;
  std::string beyond_caption = "flex " + DollarsText(beyond.flex_cost);
  if (beyond.over_limit > 0) beyond_caption += " \u00b7 " + CreditsText(beyond.over_limit) + " not covered";
  return render::KpiRow{{
      {"Projected credits", CreditsText(scenario.projected.p50),
       "P10 \u2013 P90: " + BandRangeText(scenario.projected)},
      {"Beyond included", CreditsText(beyond.prepaid + beyond.flex), beyond_caption},
      RunsOutTile("Included runs out", scenario.included_runs_out,
                  RunsOutText(scenario.included_runs_out, horizon_day)),
      RunsOutTile("Prepaid runs out", scenario.prepaid_runs_out, PrepaidRunsOutText(scenario, horizon_day)),
  }};
}

// "120.00 prepaid and 0.00 flex ($0.00)", and what no source covered, if any.
std::string SplitText(const BeyondIncluded& beyond) {
  std::string text = CreditsText(beyond.prepaid) + " prepaid and " + CreditsText(beyond.flex) + " flex (" +
                     DollarsText(beyond.flex_cost) + ")";
  if (beyond.over_limit > 0) text += ", " + CreditsText(beyond.over_limit) + " not covered";
  return text;
}

std::string BandSplitText(const ScenarioResult& scenario) {
  return "At P10: " + SplitText(scenario.beyond_included_p10) +
         " beyond the included credits; at P90: " + SplitText(scenario.beyond_included_p90) + ".";
}

void AddScenario(const Projection& projection, const ScenarioResult& scenario, render::Document& doc) {
  doc.blocks.push_back(render::Heading{scenario.name, 1});
  doc.blocks.push_back(ScenarioKpis(scenario, projection.resolved.horizon_day));
  doc.blocks.push_back(ProjectionChart(scenario, projection.resolved.last_actual_day));
  doc.blocks.push_back(CyclesTable(scenario));
  doc.blocks.push_back(FeaturesTable(scenario));
  doc.blocks.push_back(render::Paragraph{BandSplitText(scenario)});
}

}  // namespace

render::Document ProjectionDocument(const Projection& projection) {
  render::Document doc;
  doc.page = render::Landscape(render::PageSize{});  // room for the billing cycles' nine columns
  doc.title = projection.spec.title.empty() ? "Credit projection" : projection.spec.title;
  doc.subtitle = Subtitle(projection.resolved);
  doc.blocks.push_back(render::Heading{"Assumptions", 2});
  doc.blocks.push_back(render::Paragraph{AssumptionsText(projection)});
  if (projection.scenarios.size() > 1) doc.blocks.push_back(ScenarioComparisonTable(projection));
  for (std::size_t i = 0; i < projection.scenarios.size(); ++i) {
    if (i > 0) doc.blocks.push_back(render::PageBreak{});
    AddScenario(projection, projection.scenarios[i], doc);
  }
  return doc;
}

}  // namespace creditlens::projection

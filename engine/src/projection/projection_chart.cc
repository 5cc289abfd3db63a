#include "projection/projection_chart.h"

#include <algorithm>
#include <limits>

#include "creditlens/credits.h"
#include "model/time_zone.h"

namespace creditlens::projection {
namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kProjectedSeries = 1;  // the band takes the projected line's colour
constexpr char kIncludedName[] = "Included credits";

bool SameIncludedEveryDay(const std::vector<DayPoint>& days) {
  return std::all_of(days.begin(), days.end(),
                     [&](const DayPoint& point) { return point.included == days.front().included; });
}

// The allowance: one reference line when it never changes, a series stepping with it otherwise.
void AddIncluded(const std::vector<DayPoint>& days, render::LineChart& chart) {
  if (days.empty()) return;
  if (!SameIncludedEveryDay(days)) {
    render::Series& included = chart.series.emplace_back(render::Series{kIncludedName, {}});
    for (const DayPoint& point : days) included.values.push_back(MicroCreditsToDouble(point.included));
  } else if (days.front().included != 0) {
    chart.references.push_back({MicroCreditsToDouble(days.front().included), kIncludedName});
  }
}

}  // namespace

render::LineChart ProjectionChart(const ScenarioResult& scenario, std::int32_t last_actual_day) {
  render::LineChart chart;
  chart.title = "Usage this cycle to date: actual and projected";
  chart.value_unit = "credits";
  render::Series actual{"Actual", {}};
  render::Series projected{"Projected (P50)", {}};
  render::BandArea band{"P10 \u2013 P90", {}, {}, kProjectedSeries};
  for (const DayPoint& point : scenario.days) {
    chart.labels.push_back(model::FormatDate(point.day));
    const Band& to_date = point.cycle_to_date;
    const double p50 = MicroCreditsToDouble(to_date.p50);
    const bool is_actual = point.day <= last_actual_day;
    const bool projected_too = !is_actual || point.day == last_actual_day;  // where the lines join
    actual.values.push_back(is_actual ? p50 : kNoValue);
    projected.values.push_back(projected_too ? p50 : kNoValue);
    band.lower.push_back(projected_too ? MicroCreditsToDouble(to_date.p10) : kNoValue);
    band.upper.push_back(projected_too ? MicroCreditsToDouble(to_date.p90) : kNoValue);
  }
  chart.series = {std::move(actual), std::move(projected)};
  chart.bands = {std::move(band)};
  AddIncluded(scenario.days, chart);
  return chart;
}

}  // namespace creditlens::projection

#include "render/table_columns.h"

#include <algorithm>
#include <numeric>

namespace creditlens::render {
namespace {

double Sum(const std::vector<double>& values) { return std::accumulate(values.begin(), values.end(), 0.0); }

// Widths between floor and ceiling, as close to a common cap as those allow: max(floor, min(ceiling,
// cap)), with the cap chosen so the widths add up to `width` (sum(floors) <= width <= sum(ceilings)).
// The widest columns give way first; narrow ones keep their ceiling.
std::vector<double> FillToCap(const std::vector<double>& floors, const std::vector<double>& ceilings,
                              double width) {
  const auto capped = [&](double cap) {
    std::vector<double> widths;
    widths.reserve(floors.size());
    for (std::size_t i = 0; i < floors.size(); ++i)
      widths.push_back(std::max(floors[i], std::min(ceilings[i], cap)));
    return widths;
  };
  // The total grows with the cap: bisect for the cap that fills `width`.
  double low = 0;
  double high = *std::max_element(ceilings.begin(), ceilings.end());
  for (int i = 0; i < 60; ++i) {
    const double mid = (low + high) / 2;
    (Sum(capped(mid)) > width ? high : low) = mid;
  }
  std::vector<double> widths = capped(low);
  // What bisection leaves over (a tiny fraction of a point) goes to the widest column.
  *std::max_element(widths.begin(), widths.end()) += width - Sum(widths);
  return widths;
}

std::vector<double> Grow(const std::vector<ColumnNeed>& columns, double width) {
  const bool any_text =
      std::any_of(columns.begin(), columns.end(), [](const ColumnNeed& c) { return c.text; });
  double weight = 0;
  for (const ColumnNeed& column : columns) {
    if (column.text || !any_text) weight += std::max(column.natural, 1.0);
  }
  double spare = width;
  for (const ColumnNeed& column : columns) spare -= column.natural;
  std::vector<double> widths;
  widths.reserve(columns.size());
  for (const ColumnNeed& column : columns) {
    const bool grows = column.text || !any_text;
    widths.push_back(column.natural + (grows ? spare * std::max(column.natural, 1.0) / weight : 0));
  }
  return widths;
}

std::vector<double> Shrink(const std::vector<ColumnNeed>& columns, double width) {
  // The stages, each no wider than the one before: natural, compact, firm, nothing.
  std::vector<std::vector<double>> stages(4, std::vector<double>(columns.size(), 0.0));
  for (std::size_t i = 0; i < columns.size(); ++i) {
    stages[0][i] = std::max(columns[i].natural, 0.0);
    stages[1][i] = std::clamp(columns[i].compact, 0.0, stages[0][i]);
    stages[2][i] = std::clamp(columns[i].firm, 0.0, stages[1][i]);
  }
  std::size_t stage = 1;
  while (stage + 1 < stages.size() && Sum(stages[stage]) > width) ++stage;
  return FillToCap(stages[stage], stages[stage - 1], width);
}

}  // namespace

std::vector<double> FitColumnWidths(const std::vector<ColumnNeed>& columns, double width) {
  if (columns.empty()) return {};
  double natural_total = 0;
  for (const ColumnNeed& column : columns) natural_total += column.natural;
  return natural_total <= width ? Grow(columns, width) : Shrink(columns, width);
}

}  // namespace creditlens::render

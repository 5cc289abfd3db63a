// Pieces every chart shares: the chart title, the legend (coloured swatches with names, flowing onto
// more lines when needed), and the "No usage in this period" placeholder for charts with no data.
#pragma once

#include <string>
#include <vector>

#include "render/canvas.h"
#include "render/theme.h"

namespace creditlens::render {

// Height the chart title takes, including the gap below it; 0 for an empty title.
double ChartTitleHeight(const Canvas& canvas, const std::string& title, double width);
// Draws the title at (x, y); returns the same height as ChartTitleHeight.
double DrawChartTitle(const Canvas& canvas, const std::string& title, double x, double y, double width);

struct LegendEntry {
  std::string label;
  theme::Color color;
  double alpha = 1;  // below 1: a translucent swatch, as a band is drawn
};

// Height a legend of `entries` takes at `width`, including the gap below it; 0 for no entries.
double LegendHeight(const Canvas& canvas, const std::vector<LegendEntry>& entries, double width);
void DrawLegend(const Canvas& canvas, const std::vector<LegendEntry>& entries, double x, double y,
                double width);

// A chart with nothing to show: its title over a quiet box saying "No usage in this period".
double PlaceholderChartHeight(const Canvas& canvas, const std::string& title, double width);
void DrawPlaceholderChart(const Canvas& canvas, const std::string& title, double x, double y, double width);

}  // namespace creditlens::render

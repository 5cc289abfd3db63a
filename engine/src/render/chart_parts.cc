#include "render/chart_parts.h"

#include <algorithm>

namespace creditlens::render {
namespace {

constexpr double kTitleGap = 6;
constexpr double kLegendGap = 6;
constexpr double kSwatchSize = 8;
constexpr double kSwatchTextGap = 4;
constexpr double kEntryGap = 14;
constexpr double kLegendLineGap = 3;
constexpr double kPlaceholderBoxHeight = 64;

TextStyle TitleStyle() { return {theme::kChartTitleSize, true, std::nullopt}; }
TextStyle LegendStyle() { return {theme::kLegendSize, false, std::nullopt}; }

struct LegendSlot {
  double x = 0;  // relative to the legend's left edge
  double y = 0;  // relative to the legend's top
};

// Lays the entries out left to right, wrapping to a new line when the next one would not fit.
// Returns one slot per entry and sets *height to the legend's height (without the gap below).
std::vector<LegendSlot> FlowLegend(const Canvas& canvas, const std::vector<LegendEntry>& entries,
                                   double width, double* height) {
  std::vector<LegendSlot> slots;
  const double max_label_width = std::max(width - kSwatchSize - kSwatchTextGap, 10.0);
  double x = 0;
  double y = 0;
  double line_height = 0;
  for (const LegendEntry& entry : entries) {
    const TextBox label = canvas.Text(entry.label, LegendStyle(), max_label_width);
    const double entry_width = kSwatchSize + kSwatchTextGap + label.width();
    if (x > 0 && x + entry_width > width) {
      x = 0;
      y += line_height + kLegendLineGap;
    }
    slots.push_back({x, y});
    line_height = label.height();
    x += entry_width + kEntryGap;
  }
  *height = entries.empty() ? 0 : y + line_height;
  return slots;
}

}  // namespace

double ChartTitleHeight(const Canvas& canvas, const std::string& title, double width) {
  if (title.empty()) return 0;
  return canvas.WrappedText(title, TitleStyle(), width, 2).height() + kTitleGap;
}

double DrawChartTitle(const Canvas& canvas, const std::string& title, double x, double y, double width) {
  if (title.empty()) return 0;
  const TextBox text = canvas.WrappedText(title, TitleStyle(), width, 2);
  text.Draw(canvas.cr(), x, y);
  return text.height() + kTitleGap;
}

double LegendHeight(const Canvas& canvas, const std::vector<LegendEntry>& entries, double width) {
  if (entries.empty()) return 0;
  double height = 0;
  FlowLegend(canvas, entries, width, &height);
  return height + kLegendGap;
}

void DrawLegend(const Canvas& canvas, const std::vector<LegendEntry>& entries, double x, double y,
                double width) {
  double height = 0;
  const std::vector<LegendSlot> slots = FlowLegend(canvas, entries, width, &height);
  const double max_label_width = std::max(width - kSwatchSize - kSwatchTextGap, 10.0);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const TextBox label = canvas.Text(entries[i].label, LegendStyle(), max_label_width);
    const double left = x + slots[i].x;
    const double top = y + slots[i].y;
    canvas.RoundedRectPath(left, top + (label.height() - kSwatchSize) / 2, kSwatchSize, kSwatchSize, 1.5);
    canvas.SetColor(entries[i].color, entries[i].alpha);
    cairo_fill(canvas.cr());
    label.Draw(canvas.cr(), left + kSwatchSize + kSwatchTextGap, top);
  }
}

double PlaceholderChartHeight(const Canvas& canvas, const std::string& title, double width) {
  return ChartTitleHeight(canvas, title, width) + kPlaceholderBoxHeight;
}

void DrawPlaceholderChart(const Canvas& canvas, const std::string& title, double x, double y, double width) {
  const double top = y + DrawChartTitle(canvas, title, x, y, width);
  canvas.FillRoundedRect(x, top, width, kPlaceholderBoxHeight, 6, theme::kPlaceholderBackground);
  const TextBox message =
      canvas.Text(theme::kNoUsageText, {theme::kBodySize, false, theme::kMutedText}, width);
  message.Draw(canvas.cr(), x + (width - message.width()) / 2,
               top + (kPlaceholderBoxHeight - message.height()) / 2);
}

}  // namespace creditlens::render

#include "render/kpi_row.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/theme.h"

namespace creditlens::render {
namespace {

constexpr std::size_t kMaxTilesPerLine = 5;
constexpr double kTileGap = 8;
constexpr double kPadding = 9;
constexpr double kLabelValueGap = 3;
constexpr double kValueCaptionGap = 2;
constexpr double kCornerRadius = 5;
constexpr double kAccentWidth = 3;

struct KpiLayout {
  std::size_t per_line = 1;
  std::size_t lines = 1;
  double tile_width = 0;
  double inner_width = 0;
  double value_size = theme::kKpiValueMaxSize;  // one size for every value, so the tiles match
  double label_height = 0;                      // the tallest label, so values line up across tiles
  double tile_height = 0;
  double height = 0;
};

TextStyle LabelStyle() { return {theme::kKpiLabelSize, false, theme::kMutedText}; }
TextStyle ValueStyle(double size) { return {size, true, std::nullopt}; }
TextStyle CaptionStyle() { return {theme::kKpiCaptionSize, false, theme::kMutedText}; }

KpiLayout PlanKpis(const Canvas& canvas, const KpiRow& row, double width) {
  KpiLayout layout;
  const std::size_t count = row.tiles.size();
  layout.lines = (count + kMaxTilesPerLine - 1) / kMaxTilesPerLine;
  layout.per_line = (count + layout.lines - 1) / layout.lines;
  const double per_line = static_cast<double>(layout.per_line);
  layout.tile_width = (width - kTileGap * (per_line - 1)) / per_line;
  layout.inner_width = std::max(layout.tile_width - 2 * kPadding - kAccentWidth, 10.0);

  // The largest value size at which every value fits its tile (the smallest still cuts with "…").
  for (const KpiTile& tile : row.tiles) {
    while (layout.value_size > theme::kKpiValueMinSize &&
           canvas.Text(tile.value, ValueStyle(layout.value_size)).width() > layout.inner_width) {
      layout.value_size -= 1;
    }
  }
  double caption_height = 0;
  for (const KpiTile& tile : row.tiles) {
    layout.label_height = std::max(
        layout.label_height, canvas.WrappedText(tile.label, LabelStyle(), layout.inner_width, 2).height());
    if (!tile.caption.empty()) {
      caption_height = std::max(
          caption_height, canvas.WrappedText(tile.caption, CaptionStyle(), layout.inner_width, 2).height() +
                              kValueCaptionGap);
    }
  }
  const double value_height = canvas.Text("0", ValueStyle(layout.value_size)).height();
  layout.tile_height =
      kPadding + layout.label_height + kLabelValueGap + value_height + caption_height + kPadding;
  layout.height = layout.tile_height * static_cast<double>(layout.lines) +
                  kTileGap * static_cast<double>(layout.lines - 1);
  return layout;
}

}  // namespace

double MeasureKpiRow(const Canvas& canvas, const KpiRow& row, double width) {
  if (row.tiles.empty()) return 0;
  return PlanKpis(canvas, row, width).height;
}

void DrawKpiRow(const Canvas& canvas, const KpiRow& row, double x, double y, double width) {
  if (row.tiles.empty()) return;
  const KpiLayout layout = PlanKpis(canvas, row, width);
  cairo_t* cr = canvas.cr();
  for (std::size_t i = 0; i < row.tiles.size(); ++i) {
    const KpiTile& tile = row.tiles[i];
    const double column = static_cast<double>(i % layout.per_line);
    const std::size_t line_index = i / layout.per_line;
    const double line = static_cast<double>(line_index);
    const double left = x + column * (layout.tile_width + kTileGap);
    const double top = y + line * (layout.tile_height + kTileGap);
    cairo_save(cr);
    canvas.RoundedRectPath(left, top, layout.tile_width, layout.tile_height, kCornerRadius);
    cairo_clip(cr);
    canvas.FillRect(left, top, layout.tile_width, layout.tile_height, theme::kTileBackground);
    canvas.FillRect(left, top, kAccentWidth, layout.tile_height, canvas.theme().accent);
    cairo_restore(cr);

    const double text_left = left + kAccentWidth + kPadding;
    double text_top = top + kPadding;
    const TextBox label = canvas.WrappedText(tile.label, LabelStyle(), layout.inner_width, 2);
    label.Draw(cr, text_left, text_top);
    text_top += layout.label_height + kLabelValueGap;
    const TextBox value = canvas.Text(tile.value, ValueStyle(layout.value_size), layout.inner_width);
    value.Draw(cr, text_left, text_top);
    text_top += value.height() + kValueCaptionGap;
    if (!tile.caption.empty()) {
      canvas.WrappedText(tile.caption, CaptionStyle(), layout.inner_width, 2).Draw(cr, text_left, text_top);
    }
  }
}

}  // namespace creditlens::render

#include "render/chart_overlays.h"

#include <algorithm>
#include <array>

namespace creditlens::render {
namespace {

constexpr double kNoteGap = 3;  // between a note's marker and its text

// The candidate that covers the least of `taken` (the first of equals), among those inside the plot.
const Rect* LeastCovering(const std::array<Rect, 4>& candidates, const Plot& plot,
                          const std::vector<Rect>& taken) {
  const Rect* best = nullptr;
  double best_covered = 0;
  for (const Rect& candidate : candidates) {
    if (candidate.y < plot.top - 2 || candidate.y + candidate.height > plot.bottom + 2) continue;
    double covered = 0;
    for (const Rect& rect : taken) covered += OverlapArea(candidate, rect);
    if (best == nullptr || covered < best_covered - 0.5) {
      best = &candidate;
      best_covered = covered;
    }
  }
  return best;
}

}  // namespace

// A label goes at whichever end of its line, above or below it, covers the least of what is drawn
// (right and above when nothing is in the way).
void DrawReferenceLines(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values,
                        const Plot& plot, std::vector<Rect>& taken) {
  for (const ReferenceLine& line : DrawnReferences(chart)) {
    const double line_y = plot.YOf(line.value);
    canvas.StrokeLine(plot.left, line_y, plot.right, line_y, 1.2, theme::kReference, true);
    const TextBox label = canvas.Text(ReferenceText(line, values, chart.value_unit), ReferenceTextStyle(),
                                      plot.right - plot.left - 4);
    const double above = line_y - label.height() - 1.5;
    const double below = line_y + 1.5;
    const double right = plot.right - label.width() - 2;
    const double left = plot.left + 2;
    const std::array<Rect, 4> candidates = {
        Rect{right, above, label.width(), label.height()}, Rect{left, above, label.width(), label.height()},
        Rect{right, below, label.width(), label.height()}, Rect{left, below, label.width(), label.height()}};
    const Rect* best = LeastCovering(candidates, plot, taken);
    if (best == nullptr) best = &candidates[above < plot.top - 2 ? 2 : 0];
    DrawOnBacking(canvas, label, best->x, best->y);
    taken.push_back(*best);
  }
}

// The text goes right of the marker (left of it near the plot's right edge), in the first row from
// the top of the plot where it overlaps no other note's text.
void DrawNotes(const Canvas& canvas, const SeriesChart& chart, const Plot& plot, std::vector<Rect>& taken) {
  const theme::Color accent = canvas.theme().accent;
  std::vector<Rect> placed;
  for (const ChartNote& note : chart.notes) {
    if (note.category >= chart.labels.size()) continue;
    const double marker_x = plot.CenterOf(note.category);
    canvas.StrokeLine(marker_x, plot.top, marker_x, plot.bottom, 1, accent, true);
    const TextBox text = canvas.Text(note.text, {theme::kAxisSize, true, accent}, plot.right - plot.left - 4);
    Rect rect{marker_x + kNoteGap, plot.top + 1, text.width(), text.height()};
    if (rect.x + rect.width > plot.right)
      rect.x = std::max(marker_x - kNoteGap - text.width(), plot.left + 2);
    const auto overlaps = [&] {
      for (const Rect& other : placed) {
        if (OverlapArea(rect, other) > 0) return true;
      }
      return false;
    };
    while (overlaps()) rect.y += text.height() + 1;
    DrawOnBacking(canvas, text, rect.x, rect.y);
    placed.push_back(rect);
    taken.push_back(rect);
  }
}

}  // namespace creditlens::render

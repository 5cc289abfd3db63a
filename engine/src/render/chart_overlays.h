// What a vertical chart draws over its marks: dashed reference lines across the plot, each labelled
// where it covers the least of the marks and of the labels before it, and notes: a marker at a
// category in the theme's accent colour with its text at the top of the plot.
#pragma once

#include <vector>

#include "render/canvas.h"
#include "render/category_plot.h"
#include "render/document.h"
#include "render/series_values.h"

namespace creditlens::render {

// `taken` holds what is drawn already (marks, labels); the labels drawn here are added to it.
void DrawReferenceLines(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values,
                        const Plot& plot, std::vector<Rect>& taken);
void DrawNotes(const Canvas& canvas, const SeriesChart& chart, const Plot& plot, std::vector<Rect>& taken);

}  // namespace creditlens::render

// What frames the blocks: the document header (title, subtitle, hairline) at the top of the first
// page and the footer (document title, "page N of M") at the bottom of every PDF page.
#pragma once

#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

// Height of the header at `width`, including the space below it; 0 when title and subtitle are empty.
double MeasureHeader(const Canvas& canvas, const Document& doc, double width);
void DrawHeader(const Canvas& canvas, const Document& doc, double x, double y, double width);

// Draws the footer for page `page` (1-based) of `page_count`; its baseline band ends at `bottom`.
void DrawFooter(const Canvas& canvas, const Document& doc, int page, int page_count, double x, double bottom,
                double width);

}  // namespace creditlens::render

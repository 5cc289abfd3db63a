// What frames the blocks: the document header (title, subtitle, the logo at the right, hairline) at
// the top of the first page and the footer (document title, "page N of M") at the bottom of every
// PDF page.
#pragma once

#include "render/canvas.h"
#include "render/document.h"
#include "render/logo.h"

namespace creditlens::render {

// Height of the header at `width`, including the space below it; 0 when there is no title, subtitle
// or logo. The title and subtitle wrap beside the logo.
double MeasureHeader(const Canvas& canvas, const Document& doc, const Logo& logo, double width);
void DrawHeader(const Canvas& canvas, const Document& doc, const Logo& logo, double x, double y,
                double width);

// Draws the footer for page `page` (1-based) of `page_count`; its baseline band ends at `bottom`.
void DrawFooter(const Canvas& canvas, const Document& doc, int page, int page_count, double x, double bottom,
                double width);

}  // namespace creditlens::render

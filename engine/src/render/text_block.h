// Text blocks: section headings (level 1 with a hairline under it, level 2 smaller) and paragraphs,
// wrapped to the content width with pango.
#pragma once

#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

double MeasureHeading(const Canvas& canvas, const Heading& heading, double width);
void DrawHeading(const Canvas& canvas, const Heading& heading, double x, double y, double width);

double MeasureParagraph(const Canvas& canvas, const Paragraph& paragraph, double width);
void DrawParagraph(const Canvas& canvas, const Paragraph& paragraph, double x, double y, double width);

}  // namespace creditlens::render

// Draws a report Document with cairo: a PDF on the document's page size (vector, fonts embedded,
// blocks flowed onto pages, "page N of M" footers), or the same content as one page of the page's
// width and as tall as it needs, as a PNG at twice the resolution or as an SVG. The render area's
// entry point.
#pragma once

#include <string>

#include "render/document.h"

namespace creditlens::render {

// Draws doc in memory and returns the file's bytes. Throws std::runtime_error naming the cairo status.
std::string RenderDocumentBytes(const Document& doc, ImageFormat format);

// Draws doc to path, overwriting it. The file is written under a temporary name beside `path` and
// renamed into place only when drawing succeeded, so a failed render leaves no partial output.
// Throws std::runtime_error naming the path and the cairo status on failure.
void RenderDocument(const Document& doc, const std::string& path, ImageFormat format);

}  // namespace creditlens::render

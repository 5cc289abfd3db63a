// The paper a PDF is drawn on (cl.page): A4 or Letter, portrait or landscape, in points (1/72 inch).
// The margins inside it are theme.h's; PNG and SVG output take the page's width.
#pragma once

#include <optional>
#include <string_view>

#include "render/theme.h"

namespace creditlens::render {

struct PageSize {
  double width = 595;  // A4 portrait
  double height = 842;

  double ContentWidth() const { return width - 2 * theme::kMarginX; }
};

// What NamedPageSize accepts, for error messages.
inline constexpr char kPageSizeNames[] = "A4, Letter";

// "A4" (595 x 842) or "Letter" (612 x 792), portrait, matched without regard to case; nullopt for
// any other name.
std::optional<PageSize> NamedPageSize(std::string_view name);

// The same paper turned on its side: width and height swapped.
inline PageSize Landscape(PageSize page) { return {page.height, page.width}; }

}  // namespace creditlens::render

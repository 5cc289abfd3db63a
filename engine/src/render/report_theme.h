// A report's own look (cl.theme): the series palette, the text and accent colours, the font family
// and a logo. Every field defaults to theme.h's look; the painters read it from Canvas::theme().
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/theme.h"

namespace creditlens::render {

struct ReportTheme {
  std::vector<theme::Color> series{theme::kSeries.begin(), theme::kSeries.end()};  // never empty
  theme::Color text = theme::kText;
  theme::Color accent = theme::kSeries[0];  // KPI tile stripes and chart notes
  std::string font_family = theme::kFontFamily;
  std::string logo;  // a PNG file drawn at the top right of the first page; empty for none

  // The colour of series `index`: the palette repeats when there are more series than colours.
  theme::Color SeriesColor(std::size_t index) const { return series[index % series.size()]; }
};

// "#RRGGBB" (hex digits in either case) as a colour; nullopt for anything else.
std::optional<theme::Color> ParseHexColor(std::string_view text);

}  // namespace creditlens::render

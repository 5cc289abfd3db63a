// The renderer's look in one place: page margins, the font, text sizes and the colour palette.
// The series palette is Okabe-Ito (colour-blind safe), ordered so neighbouring series contrast.
// The palette, the text and accent colours and the font are defaults a report may replace
// (report_theme.h); the page size is the document's (page_size.h).
#pragma once

#include <array>
#include <cstdint>

namespace creditlens::render::theme {

struct Color {
  double r = 0;
  double g = 0;
  double b = 0;
};

constexpr Color Hex(std::uint32_t rgb) {
  return Color{((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0};
}

// Page margins in points (1/72 inch).
inline constexpr double kMarginX = 42;
inline constexpr double kMarginTop = 40;
inline constexpr double kMarginBottom = 48;  // the footer sits inside this band

inline constexpr char kFontFamily[] = "DejaVu Sans";

// Text sizes in points.
inline constexpr double kTitleSize = 20;
inline constexpr double kSubtitleSize = 10;
inline constexpr double kHeading1Size = 15;
inline constexpr double kHeading2Size = 12;
inline constexpr double kBodySize = 9.5;
inline constexpr double kChartTitleSize = 11;
inline constexpr double kAxisSize = 7.5;
inline constexpr double kLegendSize = 8;
inline constexpr double kPieLegendSize = 8.5;  // the pie legend carries the numbers, so a touch larger
inline constexpr double kFooterSize = 7.5;
inline constexpr double kKpiLabelSize = 8;
inline constexpr double kKpiValueMaxSize = 20;
inline constexpr double kKpiValueMinSize = 10;
inline constexpr double kKpiCaptionSize = 7.5;
inline constexpr double kTableSize = 8.5;  // table cells, header and footer

inline constexpr Color kText = Hex(0x222222);
inline constexpr Color kMutedText = Hex(0x666666);
inline constexpr Color kRule = Hex(0xcccccc);
inline constexpr Color kGrid = Hex(0xe6e6e6);
inline constexpr Color kAxis = Hex(0x8c8c8c);
inline constexpr Color kReference = Hex(0x333333);
inline constexpr Color kTileBackground = Hex(0xf2f4f7);
inline constexpr Color kPlaceholderBackground = Hex(0xf7f7f7);
inline constexpr Color kWhite = Hex(0xffffff);
inline constexpr Color kTableHeaderBackground = Hex(0xeef1f5);
inline constexpr Color kTableRowSeparator = Hex(0xe3e3e3);
inline constexpr Color kTableFooterRule = Hex(0x555555);
inline constexpr Color kOtherSlice = Hex(0xa0a0a0);  // the "Other" slice of a pie

inline constexpr std::array<Color, 7> kSeries = {
    Hex(0x0072B2),  // blue
    Hex(0xE69F00),  // orange
    Hex(0x009E73),  // bluish green
    Hex(0xD55E00),  // vermillion
    Hex(0x56B4E9),  // sky blue
    Hex(0xCC79A7),  // reddish purple
    Hex(0xF0E442),  // yellow
};

// How opaque a line chart's band (and its legend swatch) is: light enough for the lines and grid to
// show through.
inline constexpr double kBandAlpha = 0.2;

// Shown instead of a chart that has nothing to draw.
inline constexpr char kNoUsageText[] = "No usage in this period";
// Shown under the header row of a table without rows.
inline constexpr char kNoRowsText[] = "No rows";
// Appended to a table's title where the table continues on a new page.
inline constexpr char kContinuedSuffix[] = " (continued)";

}  // namespace creditlens::render::theme

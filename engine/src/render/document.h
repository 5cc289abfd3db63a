// The report document: what a report's layout produced, as plain data, before any drawing.
// The Lua host builds it; the renderers draw it to PDF, PNG or SVG; nothing here knows of SQL or Lua.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "render/canvas_block.h"
#include "render/page_size.h"
#include "render/report_theme.h"

namespace creditlens::render {

struct Series {
  std::string name;
  // One per category label. A non-finite value (NaN) is no value: a line chart's line breaks there;
  // bars, areas and stacked charts count it as 0.
  std::vector<double> values;
};

// A translucent band between two bounds at each category (a forecast's P10-P90 range, say), drawn under
// a line chart's lines. Where either bound is not finite the band has a gap.
struct BandArea {
  std::string name;
  std::vector<double> lower, upper;  // one per category label
  std::size_t color = 0;             // the band takes the theme colour of the series with this index
};

// A dashed line across a chart at a value (e.g. the monthly allowance), with a label.
struct ReferenceLine {
  double value = 0;
  std::string label;  // may be empty: the line then shows its value alone
};

// A marker at one category of a chart (a bucket of a time series) with a short text ("price change").
struct ChartNote {
  std::size_t category = 0;  // index into the chart's labels
  std::string text;
};

// What every chart of series over category labels holds: bars, lines and areas alike.
struct SeriesChart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<Series> series;  // several series are drawn side by side (or over each other), or stacked
  bool stacked = false;
  std::string value_unit;  // axis caption: "credits" or "$"
  std::vector<ReferenceLine> references;
  std::vector<ChartNote> notes;
};

// Vertical bars (or horizontal ones) over category labels.
struct BarChart : SeriesChart {
  bool horizontal = false;
};

// Lines through the values of each series over time buckets, or the areas under them.
struct LineChart : SeriesChart {
  bool area = false;
  std::vector<BandArea> bands;  // in the value range and the legend
};

struct PieChart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<double> values;
  bool donut = false;
  std::string value_unit;
};

struct KpiTile {
  std::string label;    // "Credits used this cycle"
  std::string value;    // already formatted: "12,345.5"
  std::string caption;  // small print under the value, may be empty
};

struct KpiRow {
  std::vector<KpiTile> tiles;
};

struct Heading {
  std::string text;
  int level = 1;  // 1 section, 2 subsection
};

struct Paragraph {
  std::string text;
};

struct TableColumn {
  std::string title;
  bool numeric = false;  // right-aligned; the text is already formatted by the caller
};

// Rows of text under a header row, as wide as the page. In a PDF a long table continues on the next
// page, repeating its header row (and its title with " (continued)"); a row is never split.
struct Table {
  std::string title;  // drawn above the table, may be empty
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;  // cells as text, one per column
  std::vector<std::string> footer;             // optional totals row, one cell per column (or empty)
};

// Starts a new page in a PDF (cl.section { new_page = true }); nothing in one-page PNG and SVG output.
struct PageBreak {};

struct Grid;

using Block = std::variant<KpiRow, BarChart, PieChart, Heading, Paragraph, Table, CanvasBlock, LineChart,
                           PageBreak, Grid>;

// Blocks side by side in equal-width cells, `columns` to a row; a row is as tall as its tallest cell.
struct Grid {
  int columns = 2;
  std::vector<Block> cells;
};

struct Document {
  std::string title;
  std::string subtitle;  // scope and period, e.g. "Acme Vision · 2026-11-01 – 2026-11-22"
  std::vector<Block> blocks;
  PageSize page;      // A4 portrait unless the report chose another
  ReportTheme theme;  // palette, text and accent colours, font, logo
};

enum class ImageFormat { kPdf, kPng, kSvg };

}  // namespace creditlens::render

// The report document: what a report's layout produced, as plain data, before any drawing.
// The Lua host builds it; the renderers draw it to PDF, PNG or SVG; nothing here knows of SQL or Lua.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace creditlens::render {

struct Series {
  std::string name;
  std::vector<double> values;  // one per category label
};

// Vertical bars (or horizontal ones) over category labels, with an optional reference line
// (e.g. the monthly allowance) drawn across the plot.
struct BarChart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<Series> series;  // several series are drawn side by side, or stacked
  bool horizontal = false;
  bool stacked = false;
  std::string value_unit;  // axis caption: "credits" or "$"
  std::optional<double> reference_value;
  std::string reference_label;
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

using Block = std::variant<KpiRow, BarChart, PieChart, Heading, Paragraph, Table>;

struct Document {
  std::string title;
  std::string subtitle;  // scope and period, e.g. "Acme Vision · 2026-11-01 – 2026-11-22"
  std::vector<Block> blocks;
};

enum class ImageFormat { kPdf, kPng, kSvg };

}  // namespace creditlens::render

// Layout blocks to document blocks. Charts take their numbers from the datasets, tables format
// their typed cells, KPI tiles keep their exact value for the exports.
#include "script/report_layout.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "render/amount_text.h"
#include "render/axis_ticks.h"
#include "script/dataset_select.h"
#include "script/inline_table.h"
#include "script/json_fields.h"
#include "script/report_canvas.h"
#include "script/report_layout_charts.h"
#include "script/report_layout_containers.h"
#include "script/report_layout_document.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

const query::DataTable& FindTable(const std::vector<query::DataTable>& tables, const std::string& name,
                                  const std::string& where) {
  for (const auto& t : tables) {
    if (t.name == name) return t;
  }
  throw std::invalid_argument(where + ": no table named '" + name +
                              "' (cl.table needs a billing request's result)");
}

// Credits show two decimals, or with `exact` as many as they have (see render::CreditsText).
std::string FormatCell(const query::Cell& cell, query::CellType type, bool exact = false) {
  switch (type) {
    case query::CellType::kCredits:
      return render::CreditsText(cell.value, exact);
    case query::CellType::kMoney:
      return render::DollarsText(cell.value);
    case query::CellType::kCount:
      return render::FormatNumber(static_cast<double>(cell.value), 0);
    case query::CellType::kText:
    case query::CellType::kDate:
      break;
  }
  return cell.text;
}

// "available_from" -> "Available from", unless the layout named the header.
std::string Header(const std::string& column, const json::object* headers) {
  if (headers) {
    if (const auto* h = headers->if_contains(column); h && h->is_string()) return std::string(h->as_string());
  }
  std::string out = column;
  for (char& c : out) c = c == '_' ? ' ' : c;
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

render::Block TableBlock(const json::object& block, const query::DataTable& t, const std::string& where) {
  std::vector<std::size_t> shown;
  if (const auto* columns = block.if_contains("columns"); columns && columns->is_array()) {
    for (const auto& c : columns->as_array()) {
      const auto it = std::find_if(t.columns.begin(), t.columns.end(), [&](const query::TableColumn& tc) {
        return c.is_string() && tc.name == c.as_string();
      });
      if (it == t.columns.end()) {
        throw std::invalid_argument(where + ": table '" + t.name + "' has no column " + json::serialize(c));
      }
      shown.push_back(static_cast<std::size_t>(it - t.columns.begin()));
    }
  } else {
    for (std::size_t i = 0; i < t.columns.size(); ++i) shown.push_back(i);
  }
  const auto* headers_value = block.if_contains("headers");
  const json::object* headers =
      headers_value && headers_value->is_object() ? &headers_value->as_object() : nullptr;
  render::Table table;
  table.title = StringField(block, "title");
  for (const std::size_t i : shown) {
    const query::CellType type = t.columns[i].type;
    table.columns.push_back({Header(t.columns[i].name, headers), type == query::CellType::kCredits ||
                                                                     type == query::CellType::kMoney ||
                                                                     type == query::CellType::kCount});
  }
  const auto* exact_value = block.if_contains("exact");
  const bool exact = exact_value && exact_value->is_bool() && exact_value->as_bool();
  std::vector<std::int64_t> sums(t.columns.size(), 0);
  for (const auto& row : t.rows) {
    auto& cells = table.rows.emplace_back();
    for (const std::size_t i : shown) {
      cells.push_back(FormatCell(row[i], t.columns[i].type, exact));
      sums[i] += row[i].value;
    }
  }
  if (const auto* total = block.if_contains("total"); total && total->is_bool() && total->as_bool()) {
    for (std::size_t k = 0; k < shown.size(); ++k) {
      const std::size_t i = shown[k];
      const bool summed = table.columns[k].numeric;
      table.footer.push_back(summed ? FormatCell({{}, sums[i]}, t.columns[i].type, exact)
                                    : (k == 0 ? "Total" : ""));
    }
  }
  return table;
}

// A table of a request by name, or one the layout computed (its own columns and rows).
render::Block AnyTableBlock(const json::object& block, const std::vector<query::DataTable>& tables,
                            const std::string& where) {
  if (!block.contains("rows")) {
    return TableBlock(block, FindTable(tables, StringField(block, "dataset"), where), where);
  }
  json::object all_columns = block;  // an inline table's columns are its own, not a pick of them
  all_columns.erase("columns");
  return TableBlock(all_columns, InlineTable(block, where), where);
}

const query::Dataset& FindDataset(const std::vector<query::Dataset>& datasets, const std::string& name,
                                  const std::string& where) {
  for (const auto& d : datasets) {
    if (d.name == name) return d;
  }
  throw std::invalid_argument(where + ": no dataset named '" + name + "'");
}

KpiValue ReadKpi(const json::object& tile) {
  KpiValue kpi{
      StringField(tile, "label"), StringField(tile, "unit", "credits"), StringField(tile, "caption"), {}, {}};
  const json::value* value = tile.if_contains("value");
  const bool amount_unit = kpi.unit == "credits" || kpi.unit == "dollars" || kpi.unit == "count";
  if (amount_unit && value && value->is_number()) {
    const double amount = value->to_number<double>();
    kpi.micro = std::llround(amount * 1e6);  // exact for amounts with up to 6 decimals
    kpi.text = (kpi.unit == "dollars" ? "$" : "") + render::FormatNumber(amount, kpi.unit == "count" ? 0 : 2);
  } else if (value && value->is_string()) {
    kpi.text = value->as_string();
  } else {
    kpi.text = "—";
  }
  return kpi;
}

// Turns layout blocks into document blocks, appending them to whichever list a container gives.
class LayoutBuilder {
 public:
  LayoutBuilder(const std::vector<std::filesystem::path>& asset_path, ReportOutput& out)
      : asset_path_(asset_path), out_(out) {}

  void Append(const json::value& value, const std::string& where, std::vector<render::Block>& blocks) {
    if (!value.is_object()) throw std::invalid_argument(where + ": expected a block (cl.bar, cl.kpis, ...)");
    const json::object& block = value.as_object();
    const std::string type = StringField(block, "type");
    const BlockAppender append = [this](const json::value& child, const std::string& child_where,
                                        std::vector<render::Block>& into) {
      Append(child, child_where, into);
    };
    if (type == "kpis") {
      auto& row = std::get<render::KpiRow>(blocks.emplace_back(std::in_place_type<render::KpiRow>));
      for (const auto& tile : block.at("tiles").as_array()) {
        out_.kpis.push_back(ReadKpi(tile.as_object()));
        row.tiles.push_back({out_.kpis.back().label, out_.kpis.back().text, out_.kpis.back().caption});
      }
    } else if (type == "bar" || type == "hbar" || type == "line" || type == "area" || type == "pie" ||
               type == "donut") {
      const auto& d = FindDataset(out_.datasets, StringField(block, "dataset"), where);
      blocks.push_back(ChartBlock(type, block, SelectSeries(d, block, where), where));
    } else if (type == "table") {
      blocks.push_back(AnyTableBlock(block, out_.tables, where));
    } else if (type == "subtitle") {
      out_.document.subtitle = StringField(block, "text");
    } else if (type == "page") {
      ApplyPage(block, where, out_.document);
    } else if (type == "theme") {
      ApplyTheme(block, where, asset_path_, out_.document);
    } else if (type == "section") {
      ++section_depth_;
      AppendSection(block, where, std::min(section_depth_, 2), append, blocks);
      --section_depth_;
    } else if (type == "grid") {
      blocks.push_back(BuildGrid(block, where, append));
    } else if (type == "heading") {
      const auto* level = block.if_contains("level");
      blocks.push_back(render::Heading{StringField(block, "text"),
                                       level && level->is_int64() ? static_cast<int>(level->as_int64()) : 1});
    } else if (type == "text") {
      blocks.push_back(render::Paragraph{StringField(block, "text")});
    } else if (type == "canvas") {
      blocks.push_back(ReadCanvasBlock(block, where));
    } else {
      throw std::invalid_argument(
          where + ": unknown block type '" + type +
          "' (accepted: kpis, bar, hbar, line, area, pie, donut, table, heading, text, "
          "subtitle, canvas, page, theme, section, grid)");
    }
  }

 private:
  const std::vector<std::filesystem::path>& asset_path_;
  ReportOutput& out_;
  int section_depth_ = 0;  // sections around the block being built: a nested section's heading is level 2
};

}  // namespace

void BuildDocument(const json::value& layout, const std::vector<std::filesystem::path>& asset_path,
                   ReportOutput& out) {
  if (!layout.is_array()) throw std::invalid_argument("layout must return a list of blocks");
  const auto& blocks = layout.as_array();
  LayoutBuilder builder(asset_path, out);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    builder.Append(blocks[i], "layout[" + std::to_string(i + 1) + "]", out.document.blocks);
  }
}

}  // namespace creditlens::script

#include "script/report_layout_charts.h"

#include <algorithm>
#include <boost/json.hpp>
#include <stdexcept>
#include <utility>

#include "creditlens/credits.h"
#include "script/json_fields.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

std::string UnitCaption(const query::Dataset& d) { return d.unit == query::Unit::kDollars ? "$" : "credits"; }

// The list under `key` (absent: none); anything but a list is an error naming `what` it should hold.
const json::array& ListField(const json::object& block, const char* key, const std::string& where,
                             const char* what) {
  static const json::array kNone;
  const json::value* value = block.if_contains(key);
  if (value == nullptr) return kNone;
  if (!value->is_array()) throw std::invalid_argument(where + "." + key + ": expected a list of " + what);
  return value->as_array();
}

const json::object& Entry(const json::value& value, const std::string& where, const char* what) {
  if (!value.is_object()) throw std::invalid_argument(where + ": expected " + what);
  return value.as_object();
}

std::string TextEntry(const json::object& entry, const char* key, const std::string& where, bool required) {
  const json::value* value = entry.if_contains(key);
  if (value == nullptr && !required) return {};
  if (value == nullptr || !value->is_string())
    throw std::invalid_argument(where + "." + key + ": expected text");
  return std::string(value->as_string());
}

// `line = value, line_label = "..."` and every entry of `lines = { { value =, label = }, ... }`.
std::vector<render::ReferenceLine> ReadReferences(const json::object& block, const std::string& where) {
  std::vector<render::ReferenceLine> lines;
  if (const auto* line = block.if_contains("line"); line && line->is_number()) {
    lines.push_back({line->to_number<double>(), StringField(block, "line_label", "allowance")});
  }
  const json::array& list = ListField(block, "lines", where, "{ value = <number>, label = \"...\" }");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = where + ".lines[" + std::to_string(i + 1) + "]";
    const json::object& entry = Entry(list[i], at, "{ value = <number>, label = \"...\" }");
    const json::value* value = entry.if_contains("value");
    if (value == nullptr || !value->is_number())
      throw std::invalid_argument(at + ".value: expected a number");
    lines.push_back({value->to_number<double>(), TextEntry(entry, "label", at, false)});
  }
  return lines;
}

// What an unknown `at` is told about the chart's labels.
std::string LabelsHint(const std::vector<std::string>& labels, bool timed) {
  if (labels.empty()) return timed ? "the dataset has no buckets" : "the dataset has no series";
  if (timed) return "buckets run " + labels.front() + " .. " + labels.back();
  std::string hint = "categories: ";
  for (std::size_t i = 0; i < labels.size(); ++i) hint += (i > 0 ? ", " : "") + labels[i];
  return hint;
}

// `notes = { { at = "<bucket or category label>", text = "..." }, ... }`.
std::vector<render::ChartNote> ReadNotes(const json::object& block, const std::vector<std::string>& labels,
                                         bool timed, const std::string& where) {
  std::vector<render::ChartNote> notes;
  const json::array& list = ListField(block, "notes", where, "{ at = \"<label>\", text = \"...\" }");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = where + ".notes[" + std::to_string(i + 1) + "]";
    const json::object& entry = Entry(list[i], at, "{ at = \"<label>\", text = \"...\" }");
    const std::string label = TextEntry(entry, "at", at, true);
    const auto found = std::find(labels.begin(), labels.end(), label);
    if (found == labels.end()) {
      throw std::invalid_argument(at + ".at: no " + (timed ? "bucket" : "category") + " '" + label + "' (" +
                                  LabelsHint(labels, timed) + ")");
    }
    notes.push_back({static_cast<std::size_t>(found - labels.begin()), TextEntry(entry, "text", at, true)});
  }
  return notes;
}

// The series of a chart: one per dataset series over the buckets of a time series, or one series of
// the dataset's series totals over their labels.
void FillSeries(const query::Dataset& d, render::SeriesChart& chart) {
  if (d.grain != query::Grain::kNone) {
    chart.labels = d.buckets;
    for (const auto& s : d.series) {
      render::Series series{s.label, {}};
      for (const auto v : s.values) series.values.push_back(MicroCreditsToDouble(v));
      chart.series.push_back(std::move(series));
    }
    return;
  }
  render::Series series{UnitCaption(d), {}};
  for (const auto& s : d.series) {
    chart.labels.push_back(s.label);
    series.values.push_back(MicroCreditsToDouble(s.values[0]));
  }
  chart.series.push_back(std::move(series));
}

void FillSeriesChart(const json::object& block, const query::Dataset& d, const std::string& where,
                     render::SeriesChart& chart) {
  chart.title = StringField(block, "title", d.name);
  chart.value_unit = UnitCaption(d);
  if (const auto* v = block.if_contains("stacked"); v && v->is_bool()) chart.stacked = v->as_bool();
  FillSeries(d, chart);
  chart.references = ReadReferences(block, where);
  chart.notes = ReadNotes(block, chart.labels, d.grain != query::Grain::kNone, where);
}

}  // namespace

render::Block ChartBlock(const std::string& type, const json::object& block, const query::Dataset& d,
                         const std::string& where) {
  if (type == "pie" || type == "donut") {
    render::PieChart pie{StringField(block, "title", d.name), {}, {}, type == "donut", UnitCaption(d)};
    for (const auto& s : d.series) {
      pie.labels.push_back(s.label);
      pie.values.push_back(MicroCreditsToDouble(s.total));
    }
    return pie;
  }
  if (type == "line" || type == "area") {
    if (d.grain == query::Grain::kNone) {
      throw std::invalid_argument(where + ": cl." + type +
                                  " needs a time series (a dataset with by = \"hour\", " +
                                  "\"day\", \"week\" or \"month\"); '" + d.name + "' has no time grain");
    }
    render::LineChart line;
    line.area = type == "area";
    FillSeriesChart(block, d, where, line);
    return line;
  }
  render::BarChart bar;
  bar.horizontal = type == "hbar";
  FillSeriesChart(block, d, where, bar);
  return bar;
}

}  // namespace creditlens::script

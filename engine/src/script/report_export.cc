// Amounts are written as exact decimals from micro-units, never through a double.
#include "script/report_export.h"

#include <boost/json.hpp>

#include "model/time_zone.h"

namespace creditlens::script {
namespace {

std::string Quote(std::string_view text) { return boost::json::serialize(boost::json::string(text)); }

std::string Amount(std::int64_t micro) { return FormatMicroCredits(micro); }

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string JoinKeys(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : "|") + k;
  return out;
}

}  // namespace

std::string ExportJson(const ReportOutput& report) {
  std::string out = "{\"meta\":" + boost::json::serialize(report.meta) + ",\"kpis\":[";
  for (std::size_t i = 0; i < report.kpis.size(); ++i) {
    const KpiValue& k = report.kpis[i];
    out += (i ? "," : "") + std::string("{\"label\":") + Quote(k.label) + ",\"unit\":" + Quote(k.unit) +
           ",\"value\":" + (k.micro ? Amount(*k.micro) : Quote(k.text)) + "}";
  }
  out += "],\"datasets\":{";
  for (std::size_t i = 0; i < report.datasets.size(); ++i) {
    const query::Dataset& d = report.datasets[i];
    out += (i ? "," : "") + Quote(d.name) + ":{\"grain\":" + Quote(query::ToString(d.grain)) +
           ",\"unit\":" + Quote(query::ToString(d.unit)) + ",\"total\":" + Amount(d.total) +
           ",\"events\":" + std::to_string(d.events) + ",\"by\":[";
    for (std::size_t g = 0; g < d.group_by.size(); ++g) out += (g ? "," : "") + Quote(d.group_by[g]);
    out += "],\"buckets\":[";
    if (d.grain != query::Grain::kNone) {
      for (std::size_t b = 0; b < d.buckets.size(); ++b) out += (b ? "," : "") + Quote(d.buckets[b]);
    }
    out += "],\"series\":[";
    for (std::size_t s = 0; s < d.series.size(); ++s) {
      const query::Series& series = d.series[s];
      out += (s ? "," : "") + std::string("{\"label\":") + Quote(series.label) + ",\"keys\":[";
      for (std::size_t k = 0; k < series.keys.size(); ++k) out += (k ? "," : "") + Quote(series.keys[k]);
      out += "],\"total\":" + Amount(series.total) + ",\"events\":" + std::to_string(series.events);
      if (d.previous) out += ",\"previous_total\":" + Amount(series.previous_total);
      out += ",\"values\":[";
      for (std::size_t v = 0; v < series.values.size(); ++v) out += (v ? "," : "") + Amount(series.values[v]);
      out += "]}";
    }
    out += "]";
    if (d.previous) {
      out += ",\"previous\":{\"from\":" + Quote(model::FormatDate(d.previous->range.first_day)) +
             ",\"to\":" + Quote(model::FormatDate(d.previous->range.last_day)) +
             ",\"total\":" + Amount(d.previous->total) + ",\"events\":" + std::to_string(d.previous->events) +
             "}";
    }
    out += "}";
  }
  out += "},\"tables\":{";
  for (std::size_t i = 0; i < report.tables.size(); ++i) {
    const query::DataTable& t = report.tables[i];
    out += (i ? "," : "") + Quote(t.name) + ":{\"kind\":" + Quote(t.kind) + ",\"columns\":[";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      out += (c ? "," : "") + std::string("{\"name\":") + Quote(t.columns[c].name) +
             ",\"type\":" + Quote(query::ToString(t.columns[c].type)) + "}";
    }
    out += "],\"rows\":[";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      out += r ? ",[" : "[";
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const query::CellType type = t.columns[c].type;
        const std::string text = query::ExactText(t.rows[r][c], type);
        const bool number = type != query::CellType::kText && type != query::CellType::kDate;
        out += (c ? "," : "") + (number ? text : Quote(text));
      }
      out += "]";
    }
    out += "]}";
  }
  return out + "}}\n";
}

std::string ExportCsv(const ReportOutput& report) {
  std::string out = "section,name,bucket,key,label,value,unit,events\n";
  for (const KpiValue& k : report.kpis) {
    out += "kpi," + CsvField(k.label) + ",,,," + CsvField(k.micro ? Amount(*k.micro) : k.text) + "," +
           CsvField(k.unit) + ",\n";
  }
  for (const query::Dataset& d : report.datasets) {
    for (const query::Series& s : d.series) {
      for (std::size_t b = 0; b < s.values.size(); ++b) {
        const std::string bucket = d.grain == query::Grain::kNone ? "" : d.buckets[b];
        out += "dataset," + CsvField(d.name) + "," + CsvField(bucket) + "," + CsvField(JoinKeys(s.keys)) +
               "," + CsvField(s.label) + "," + Amount(s.values[b]) + "," + query::ToString(d.unit) + "," +
               (d.grain == query::Grain::kNone ? std::to_string(s.events) : "") + "\n";
      }
    }
  }
  for (const query::DataTable& t : report.tables) {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      for (std::size_t c = 0; c < t.columns.size(); ++c) {
        out += "table," + CsvField(t.name) + "," + std::to_string(r + 1) + "," + CsvField(t.columns[c].name) +
               ",," + CsvField(query::ExactText(t.rows[r][c], t.columns[c].type)) + "," +
               query::ToString(t.columns[c].type) + ",\n";
      }
    }
  }
  return out;
}

}  // namespace creditlens::script

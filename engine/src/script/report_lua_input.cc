// Table literals for the report's Lua code.
#include "script/report_lua_input.h"

#include "creditlens/credits.h"
#include "model/time_zone.h"
#include "script/json_fields.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

void WriteJsonValue(LuaLiteral& out, const json::value& v) {
  if (v.is_bool()) {
    out.Bool(v.as_bool());
  } else if (v.is_int64()) {
    out.Integer(v.as_int64());
  } else if (v.is_double()) {
    out.Number(v.as_double());
  } else if (v.is_string()) {
    out.String(v.as_string());
  } else {
    out.Nil();
  }
}

}  // namespace

void WriteParams(LuaLiteral& out, const ParamValues& params) {
  out.Key("params").Open();
  for (const auto& [name, value] : params) {
    out.Key(name);
    WriteJsonValue(out, value);
  }
  out.Close();
}

void WriteContext(LuaLiteral& out, const ReportContext& c, const query::UsageEngine& engine,
                  const query::DayRange& range, const std::string& range_spec, const std::string& unit,
                  const ParamValues& params) {
  out.Key("ctx").Open();
  WriteParams(out, params);
  out.Key("today").String(model::FormatDate(c.today));
  out.Key("timezone").String(engine.zone().name());
  out.Key("unit").String(unit);
  out.Key("scope").Open();
  out.Key("kind").String(engine.scope() ? "workspace" : "organisation");
  out.Key("label").String(c.scope_label);
  if (engine.scope()) out.Key("workspace").String(*engine.scope());
  out.Close();
  out.Key("range").Open();
  out.Key("spec").String(range_spec);
  out.Key("from").String(model::FormatDate(range.first_day));
  out.Key("to").String(model::FormatDate(range.last_day));
  out.Key("days").Integer(range.last_day - range.first_day + 1);
  out.Key("label").String(query::Describe(range));
  out.Close();
  out.Key("cycle").Open();
  out.Key("used").Number(MicroCreditsToDouble(c.cycle.used));
  out.Key("included").Number(MicroCreditsToDouble(c.cycle.included));
  out.Key("left").Number(MicroCreditsToDouble(c.cycle.left));
  out.Key("average_per_day").Number(MicroCreditsToDouble(c.cycle.average_per_day));
  if (c.cycle.resets_on) out.Key("resets_on").String(model::FormatDate(*c.cycle.resets_on));
  out.Key("workspaces").Integer(c.cycle.workspaces_with_plan);
  out.Close();
  out.Key("plan").Open();
  out.Key("allowance").Number(MicroCreditsToDouble(c.monthly_allowance));
  out.Close();
  out.Close();
}

void WriteDataset(LuaLiteral& out, const query::Dataset& d) {
  const bool timed = d.grain != query::Grain::kNone;
  out.Key(d.name).Open();
  out.Key("name").String(d.name);
  out.Key("grain").String(query::ToString(d.grain));
  out.Key("unit").String(query::ToString(d.unit));
  out.Key("total").Number(MicroCreditsToDouble(d.total));
  out.Key("events").Integer(d.events);
  if (d.previous) {
    out.Key("previous").Open();
    out.Key("from").String(model::FormatDate(d.previous->range.first_day));
    out.Key("to").String(model::FormatDate(d.previous->range.last_day));
    out.Key("total").Number(MicroCreditsToDouble(d.previous->total));
    out.Key("events").Integer(d.previous->events);
    out.Close();
  }
  out.Key("by").Open();
  for (const auto& g : d.group_by) out.String(g);
  out.Close();
  out.Key("labels").Open();
  if (timed) {
    for (const auto& b : d.buckets) out.String(b);
  } else {
    for (const auto& s : d.series) out.String(s.label);
  }
  out.Close();
  out.Key("values").Open();
  if (timed) {
    for (std::size_t b = 0; b < d.buckets.size(); ++b) {
      std::int64_t sum = 0;
      for (const auto& s : d.series) sum += s.values[b];
      out.Number(MicroCreditsToDouble(sum));
    }
  } else {
    for (const auto& s : d.series) out.Number(MicroCreditsToDouble(s.values[0]));
  }
  out.Close();
  out.Key("series").Open();
  for (const auto& s : d.series) {
    out.Open().Key("label").String(s.label).Key("total").Number(MicroCreditsToDouble(s.total));
    out.Key("events").Integer(s.events);
    if (d.previous) out.Key("previous_total").Number(MicroCreditsToDouble(s.previous_total));
    out.Key("keys").Open();
    for (const auto& k : s.keys) out.String(k);
    out.Close().Key("values").Open();
    for (const auto v : s.values) out.Number(MicroCreditsToDouble(v));
    out.Close().Close();
  }
  out.Close();
  out.Close();
}

void WriteTable(LuaLiteral& out, const query::DataTable& t) {
  out.Key(t.name).Open();
  out.Key("name").String(t.name);
  out.Key("kind").String(t.kind);
  out.Key("columns").Open();
  for (const auto& c : t.columns) out.String(c.name);
  out.Close();
  out.Key("rows").Open();
  for (const auto& row : t.rows) {
    out.Open();
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      out.Key(t.columns[i].name);
      switch (t.columns[i].type) {
        case query::CellType::kCredits:
          out.Number(MicroCreditsToDouble(row[i].value));
          break;
        case query::CellType::kMoney:
          out.Number(static_cast<double>(row[i].value) / 100.0);
          break;
        case query::CellType::kCount:
          out.Integer(row[i].value);
          break;
        case query::CellType::kText:
        case query::CellType::kDate:
          out.String(row[i].text);
          break;
      }
    }
    out.Close();
  }
  out.Close();
  out.Close();
}

}  // namespace creditlens::script

// The three stages of a report run (docs/lua-api.md): describe -> data -> layout. Lua hands the
// engine JSON text; the engine hands Lua table literals; no C++ object lives under a Lua call.
#include "script/report_runner.h"

#include <boost/json.hpp>
#include <cmath>
#include <stdexcept>

#include "model/time_zone.h"
#include "query/day_range.h"
#include "render/axis_ticks.h"
#include "script/lua_error.h"
#include "script/lua_literal.h"
#include "script/report_params.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

constexpr char kReportKey[] = "creditlens.report";
constexpr char kHostKey[] = "creditlens.host";

double ToDouble(std::int64_t micro) { return static_cast<double>(micro) / 1e6; }

// Stores the value on top of the stack in the registry under key.
void KeepInRegistry(lua_State* L, const char* key) {
  RunProtected(L, 1, 0, [&](lua_State* L) { lua_setfield(L, LUA_REGISTRYINDEX, key); });
}

// Calls host.<stage>(report, input) and returns the JSON text it produced.
std::string CallHost(Sandbox& sandbox, const char* stage, const std::string& input) {
  lua_State* L = sandbox.state();
  RunProtected(L, 0, 3, [&](lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, kHostKey);
    lua_getfield(L, -1, stage);
    lua_remove(L, -2);
    lua_getfield(L, LUA_REGISTRYINDEX, kReportKey);
    lua_pushlstring(L, input.data(), input.size());
    return 3;
  });
  sandbox.Call(2, 1);
  std::size_t length = 0;
  const char* text = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : nullptr;
  std::string result = text ? std::string(text, length) : std::string();
  lua_pop(L, 1);
  if (!text) throw std::runtime_error(std::string("report host stage '") + stage + "' returned no text");
  return result;
}

// Lua cannot tell an empty table from an empty list; JSON from Lua writes both as [].
const json::object& ObjectOrEmpty(const json::value& value, const std::string& what) {
  static const json::object kEmpty;
  if (value.is_object()) return value.as_object();
  if (value.is_array() && value.as_array().empty()) return kEmpty;
  throw std::invalid_argument(what + " must be a table of named entries");
}

json::value ParseStage(const std::string& text, const char* stage) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec)
    throw std::runtime_error(std::string(stage) + ": the report produced invalid JSON: " + ec.message());
  return value;
}

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
  out.Key("used").Number(ToDouble(c.cycle.used));
  out.Key("included").Number(ToDouble(c.cycle.included));
  out.Key("left").Number(ToDouble(c.cycle.left));
  out.Key("average_per_day").Number(ToDouble(c.cycle.average_per_day));
  if (c.cycle.resets_on) out.Key("resets_on").String(model::FormatDate(*c.cycle.resets_on));
  out.Key("workspaces").Integer(c.cycle.workspaces_with_plan);
  out.Close();
  out.Key("plan").Open();
  out.Key("allowance").Number(ToDouble(c.monthly_allowance));
  out.Close();
  out.Close();
}

void WriteDataset(LuaLiteral& out, const query::Dataset& d) {
  const bool timed = d.grain != query::Grain::kNone;
  out.Key(d.name).Open();
  out.Key("name").String(d.name);
  out.Key("grain").String(query::ToString(d.grain));
  out.Key("unit").String(query::ToString(d.unit));
  out.Key("total").Number(ToDouble(d.total));
  out.Key("events").Integer(d.events);
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
      out.Number(ToDouble(sum));
    }
  } else {
    for (const auto& s : d.series) out.Number(ToDouble(s.values[0]));
  }
  out.Close();
  out.Key("series").Open();
  for (const auto& s : d.series) {
    out.Open().Key("label").String(s.label).Key("total").Number(ToDouble(s.total));
    out.Key("keys").Open();
    for (const auto& k : s.keys) out.String(k);
    out.Close().Key("values").Open();
    for (const auto v : s.values) out.Number(ToDouble(v));
    out.Close().Close();
  }
  out.Close();
  out.Close();
}

std::string StringField(const json::object& o, const char* key, const std::string& fallback = {}) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : fallback;
}

query::UsageQuery ReadUsageRequest(const std::string& name, const json::object& spec, const ReportContext& c,
                                   const std::string& report_range, query::Unit report_unit) {
  const std::string where = "data." + name;
  auto fail = [&](const std::string& field, const std::string& problem) {
    throw std::invalid_argument(where + (field.empty() ? "" : "." + field) + ": " + problem);
  };
  if (StringField(spec, "kind") != "usage") fail("", "expected a data request made with cl.usage { ... }");
  query::UsageQuery q;
  try {
    const auto range =
        query::ResolveDayRange(StringField(spec, "range", report_range), c.today, c.billing_period);
    q.first_day = range.first_day;
    q.last_day = range.last_day;
    q.grain = query::ParseGrain(StringField(spec, "grain"));
  } catch (const std::invalid_argument& e) {
    fail("", e.what());
  }
  if (const auto* group = spec.if_contains("group"); group && group->is_array()) {
    for (const auto& g : group->as_array()) {
      if (!g.is_string()) fail("group", "expected dimension names");
      q.group_by.emplace_back(g.as_string());
    }
  }
  if (const auto* filters = spec.if_contains("where"); filters && filters->is_object()) {
    for (const auto& [key, value] : filters->as_object()) {
      const std::string field = "where." + std::string(key);
      const auto dimension = query::DimensionByName(std::string(key));
      if (!dimension) fail(field, "unknown dimension");
      DimensionFilter filter{*dimension, {}};
      for (const auto& v : value.is_array() ? value.as_array() : json::array{value}) {
        if (!v.is_string()) fail(field, "expected text or a list of texts");
        filter.values.emplace_back(v.as_string());
      }
      if (filter.values.empty()) fail(field, "expected at least one value");
      q.filters.push_back(std::move(filter));
    }
  }
  if (const auto* v = spec.if_contains("cumulative"); v && v->is_bool()) q.cumulative = v->as_bool();
  if (const auto* v = spec.if_contains("top"); v && !v->is_null()) {
    if (!v->is_int64() || v->as_int64() < 0) fail("top", "expected a whole number >= 0");
    q.top = static_cast<std::size_t>(v->as_int64());
  }
  const std::string unit = StringField(spec, "unit", query::ToString(report_unit));
  if (unit != "credits" && unit != "dollars") fail("unit", "expected credits or dollars");
  q.unit = unit == "dollars" ? query::Unit::kDollars : query::Unit::kCredits;
  return q;
}

const query::Dataset& FindDataset(const std::vector<query::Dataset>& datasets, const std::string& name,
                                  const std::string& where) {
  for (const auto& d : datasets) {
    if (d.name == name) return d;
  }
  throw std::invalid_argument(where + ": no dataset named '" + name + "'");
}

std::string UnitCaption(const query::Dataset& d) { return d.unit == query::Unit::kDollars ? "$" : "credits"; }

render::Block ChartBlock(const std::string& type, const json::object& block, const query::Dataset& d) {
  const std::string title = StringField(block, "title", d.name);
  const bool timed = d.grain != query::Grain::kNone;
  if (type == "pie" || type == "donut") {
    render::PieChart pie{title, {}, {}, type == "donut", UnitCaption(d)};
    for (const auto& s : d.series) {
      pie.labels.push_back(s.label);
      pie.values.push_back(ToDouble(s.total));
    }
    return pie;
  }
  render::BarChart bar;
  bar.title = title;
  bar.horizontal = type == "hbar";
  bar.value_unit = UnitCaption(d);
  if (const auto* v = block.if_contains("stacked"); v && v->is_bool()) bar.stacked = v->as_bool();
  if (const auto* line = block.if_contains("line"); line && line->is_number()) {
    bar.reference_value = line->to_number<double>();
    bar.reference_label = StringField(block, "line_label", "allowance");
  }
  if (timed) {
    bar.labels = d.buckets;
    for (const auto& s : d.series) {
      render::Series series{s.label, {}};
      for (const auto v : s.values) series.values.push_back(ToDouble(v));
      bar.series.push_back(std::move(series));
    }
  } else {
    render::Series series{UnitCaption(d), {}};
    for (const auto& s : d.series) {
      bar.labels.push_back(s.label);
      series.values.push_back(ToDouble(s.values[0]));
    }
    bar.series.push_back(std::move(series));
  }
  return bar;
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

void BuildDocument(const json::value& layout, ReportOutput& out) {
  if (!layout.is_array()) throw std::invalid_argument("layout must return a list of blocks");
  const auto& blocks = layout.as_array();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string where = "layout[" + std::to_string(i + 1) + "]";
    if (!blocks[i].is_object())
      throw std::invalid_argument(where + ": expected a block (cl.bar, cl.kpis, ...)");
    const json::object& block = blocks[i].as_object();
    const std::string type = StringField(block, "type");
    if (type == "kpis") {
      auto& row =
          std::get<render::KpiRow>(out.document.blocks.emplace_back(std::in_place_type<render::KpiRow>));
      for (const auto& tile : block.at("tiles").as_array()) {
        out.kpis.push_back(ReadKpi(tile.as_object()));
        row.tiles.push_back({out.kpis.back().label, out.kpis.back().text, out.kpis.back().caption});
      }
    } else if (type == "bar" || type == "hbar" || type == "pie" || type == "donut") {
      const auto& d = FindDataset(out.datasets, StringField(block, "dataset"), where);
      out.document.blocks.push_back(ChartBlock(type, block, d));
    } else if (type == "heading") {
      const auto* level = block.if_contains("level");
      out.document.blocks.push_back(render::Heading{
          StringField(block, "text"), level && level->is_int64() ? static_cast<int>(level->as_int64()) : 1});
    } else if (type == "text") {
      out.document.blocks.push_back(render::Paragraph{StringField(block, "text")});
    } else {
      throw std::invalid_argument(where + ": unknown block type '" + type +
                                  "' (accepted: kpis, bar, hbar, pie, donut, heading, text)");
    }
  }
}

}  // namespace

ReportOutput RunReport(const ReportRun& run, const query::UsageEngine& engine, const ReportContext& context) {
  Sandbox sandbox(run.limits, run.search_path);
  lua_State* L = sandbox.state();
  sandbox.RunFile(run.report_file, 1);
  KeepInRegistry(L, kReportKey);
  RunProtected(L, 0, 2, [&](lua_State* L) {
    lua_getglobal(L, "require");
    lua_pushliteral(L, "creditlens.host");
    return 2;
  });
  sandbox.Call(1, 1);
  KeepInRegistry(L, kHostKey);

  ReportOutput out;
  const json::value described = ParseStage(CallHost(sandbox, "describe", ""), "describe");
  out.title = std::string(described.at("title").as_string());
  const auto specs = ReadParamSpecs(ObjectOrEmpty(described.at("params"), "params"));
  const ParamValues params = ResolveParams(specs, run.params);

  const auto range_param = params.find("range");
  const std::string range_spec = range_param != params.end() && range_param->second.is_string()
                                     ? std::string(range_param->second.as_string())
                                     : "billing_month";
  const query::DayRange range = [&] {
    try {
      return query::ResolveDayRange(range_spec, context.today, context.billing_period);
    } catch (const std::invalid_argument& e) {
      throw ParamError(std::string("param 'range': ") + e.what());
    }
  }();
  const auto unit_param = params.find("unit");
  const std::string unit = unit_param != params.end() && unit_param->second.is_string()
                               ? std::string(unit_param->second.as_string())
                               : "credits";

  LuaLiteral input;
  input.Open();
  WriteParams(input, params);
  WriteContext(input, context, engine, range, range_spec, unit, params);
  const std::string context_text = input.Close().Finish();

  const json::value requests = ParseStage(CallHost(sandbox, "data", context_text), "data");
  const query::Unit report_unit = unit == "dollars" ? query::Unit::kDollars : query::Unit::kCredits;
  for (const auto& [name, spec] : ObjectOrEmpty(requests, "data")) {
    if (!spec.is_object())
      throw std::invalid_argument("data." + std::string(name) + ": expected cl.usage { ... }");
    const auto query =
        ReadUsageRequest(std::string(name), spec.as_object(), context, range_spec, report_unit);
    out.datasets.push_back(engine.Run(std::string(name), query));
  }

  LuaLiteral layout_input;
  layout_input.Open().Key("datasets").Open();
  for (const auto& d : out.datasets) WriteDataset(layout_input, d);
  layout_input.Close();
  WriteContext(layout_input, context, engine, range, range_spec, unit, params);
  const json::value layout = ParseStage(CallHost(sandbox, "layout", layout_input.Close().Finish()), "layout");

  out.document.title = out.title;
  out.document.subtitle = context.scope_label + " · " + query::Describe(range) + " · as of " +
                          model::FormatDate(context.today) + " (" + engine.zone().name() + ")";
  BuildDocument(layout, out);

  out.meta["report"] = out.title;
  out.meta["scope"] = context.scope_label;
  if (engine.scope()) out.meta["workspace"] = *engine.scope();
  out.meta["as_of"] = model::FormatDate(context.today);
  out.meta["timezone"] = engine.zone().name();
  out.meta["range"] = {{"spec", range_spec},
                       {"from", model::FormatDate(range.first_day)},
                       {"to", model::FormatDate(range.last_day)}};
  json::object param_values;
  for (const auto& [name, value] : params) param_values[name] = value;
  out.meta["params"] = std::move(param_values);
  return out;
}

}  // namespace creditlens::script

// The three stages of a report run (docs/lua-api.md): describe -> data -> layout. Lua hands the
// engine JSON text; the engine hands Lua table literals; no C++ object lives under a Lua call.
#include "script/report_runner.h"

#include <boost/json.hpp>
#include <stdexcept>

#include "model/time_zone.h"
#include "query/day_range.h"
#include "script/lua_error.h"
#include "script/lua_literal.h"
#include "script/report_layout.h"
#include "script/report_lua_input.h"
#include "script/report_params.h"
#include "script/report_requests.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

constexpr char kReportKey[] = "creditlens.report";
constexpr char kHostKey[] = "creditlens.host";

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
      return query::ResolveDayRange(range_spec, context.today, context.billing_periods);
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
  RunRequests(ObjectOrEmpty(requests, "data"), {engine, context, range_spec, report_unit}, out);

  LuaLiteral layout_input;
  layout_input.Open().Key("datasets").Open();
  for (const auto& d : out.datasets) WriteDataset(layout_input, d);
  for (const auto& t : out.tables) WriteTable(layout_input, t);
  layout_input.Close();
  WriteContext(layout_input, context, engine, range, range_spec, unit, params);
  // The width a block may take, for the layout's own drawings (cl.canvas's full width).
  layout_input.Key("page").Open().Key("content_width").Number(out.document.page.ContentWidth()).Close();
  const json::value layout = ParseStage(CallHost(sandbox, "layout", layout_input.Close().Finish()), "layout");

  out.document.title = out.title;
  out.document.subtitle = context.scope_label + " · " + query::Describe(range) + " · as of " +
                          model::FormatDate(context.today) + " (" + engine.zone().name() + ")";
  BuildDocument(layout, run.search_path, out);

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

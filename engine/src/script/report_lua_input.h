// What the engine hands a report's Lua code, written as table literals: params, ctx, and the
// datasets and tables its data requests produced.
#pragma once

#include <string>

#include "query/data_table.h"
#include "query/day_range.h"
#include "query/usage_query.h"
#include "script/lua_literal.h"
#include "script/report_params.h"
#include "script/report_runner.h"

namespace creditlens::script {

void WriteParams(LuaLiteral& out, const ParamValues& params);
// ctx: today, timezone, unit, params, scope, range, cycle, plan (docs/lua-api.md#ctx).
void WriteContext(LuaLiteral& out, const ReportContext& c, const query::UsageEngine& engine,
                  const query::DayRange& range, const std::string& range_spec, const std::string& unit,
                  const ParamValues& params);
void WriteDataset(LuaLiteral& out, const query::Dataset& d);
// A table as { name, kind, columns = {...}, rows = { {column = value, ...}, ... } }: credits as
// numbers of credits, money as dollars, counts as integers, text and dates as strings.
void WriteTable(LuaLiteral& out, const query::DataTable& t);

}  // namespace creditlens::script

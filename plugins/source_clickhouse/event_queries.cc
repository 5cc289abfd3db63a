// Builds aggregate and listing SQL over a resolved events table.
#include "event_queries.h"

#include "tab_separated.h"

namespace creditlens::clickhouse {
namespace {

constexpr std::int64_t kMsPerHour = 3'600'000;
constexpr std::int64_t kMsPerQuarterHour = 900'000;

// The WHERE clause of a time range and filters; each filter's values become one external table.
std::string WhereClause(const ResolvedTable& events, std::int64_t from_ms, std::int64_t to_ms,
                        const std::vector<DimensionFilter>& filters, std::vector<ExternalTable>& tables) {
  std::string where = " WHERE " + TimeRangeCondition(events.Column("ts"), from_ms, to_ms);
  for (const DimensionFilter& filter : filters) {
    if (filter.values.empty()) {  // matches nothing
      where += " AND 0";
      continue;
    }
    ExternalTable& table = tables.emplace_back();
    table.name = "_filter_" + std::to_string(tables.size() - 1);
    table.structure = "value String";
    for (const std::string& value : filter.values) {
      AppendEscapedField(table.rows, value);
      table.rows += '\n';
    }
    where += " AND " + events.Column(mapping::DimensionField(filter.dimension)).sql +
             " IN (SELECT value FROM " + table.name + ")";
  }
  return where;
}

}  // namespace

BuiltQuery BuildAggregateQuery(const ResolvedTable& events, const AggregateRequest& request) {
  BuiltQuery query;
  const std::int64_t step = request.bucket == TimeBucket::kHourUtc          ? kMsPerHour
                            : request.bucket == TimeBucket::kQuarterHourUtc ? kMsPerQuarterHour
                                                                            : 0;
  std::string& sql = query.sql;
  std::string group_by;
  sql = "SELECT ";
  if (step != 0) {
    sql += FloorToStepSql(events.Column("ts").sql, step) + " AS __cl_bucket";
    group_by = "__cl_bucket";
  } else {
    sql += "toInt64(0)";
  }
  for (std::size_t i = 0; i < request.group_by.size(); ++i) {
    const std::string alias = "__cl_key" + std::to_string(i);
    sql += ", " + events.Column(mapping::DimensionField(request.group_by[i])).sql + " AS " + alias;
    (group_by += group_by.empty() ? "" : ", ") += alias;
  }
  sql += ", sum(" + events.Column("credits").sql + "), count() FROM " + events.table;
  sql += WhereClause(events, request.from_ms, request.to_ms, request.filters, query.tables);
  // Without a key one row comes back even from no events: an empty answer must stay empty.
  sql += group_by.empty() ? " HAVING count() > 0" : " GROUP BY " + group_by;
  sql += " FORMAT TabSeparated";
  return query;
}

BuiltQuery BuildListQuery(const ResolvedTable& events, const EventQuery& request) {
  BuiltQuery query;
  query.sql = "SELECT " + events.SelectList(kListedFields) + " FROM " + events.table +
              WhereClause(events, request.from_ms, request.to_ms, request.filters, query.tables) +
              " FORMAT TabSeparated";
  return query;
}

}  // namespace creditlens::clickhouse

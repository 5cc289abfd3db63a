// Filters compare the mapped expression itself with bound values, so that the server can use its
// indexes and infer the values' types from the column's.
#include "event_filters.h"

#include <algorithm>

namespace creditlens::sql {

namespace {

std::string FilterCondition(const mapping::TableMapping& events, const DimensionFilter& filter,
                            SqlQuery& query) {
  const bool wants_empty = std::find(filter.values.begin(), filter.values.end(), "") != filter.values.end();
  const std::string* expr = events.Find(mapping::DimensionField(filter.dimension));
  if (expr == nullptr) return wants_empty ? "1 = 1" : "1 = 0";
  std::string in;
  for (const std::string& value : filter.values) {
    if (!value.empty()) in += (in.empty() ? "" : ", ") + query.Bind(value);
  }
  std::string condition = in.empty() ? "1 = 0" : "(" + *expr + ") IN (" + in + ")";
  if (wants_empty) {
    condition += " OR (" + *expr + ") IS NULL OR (" + *expr + ") = " + query.Bind(std::string());
  }
  return "(" + condition + ")";
}

}  // namespace

void AppendEventWhere(const mapping::TableMapping& events, std::int64_t from_ms, std::int64_t to_ms,
                      const std::vector<DimensionFilter>& filters, SqlQuery& query) {
  const SqlDialect& dialect = query.dialect();
  const std::string& ts = events.At("ts");
  std::string& sql = query.text;
  sql += " WHERE (" + ts + ") >= " + dialect.TimeFromEpochMs(events.ts_type, query.Bind(from_ms));
  sql += " AND (" + ts + ") < " + dialect.TimeFromEpochMs(events.ts_type, query.Bind(to_ms));
  for (const DimensionFilter& filter : filters) sql += " AND " + FilterCondition(events, filter, query);
}

}  // namespace creditlens::sql

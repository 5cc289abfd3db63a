// One statement per request; groups are named by position (GROUP BY 1, 2) so that no expression, and
// no placeholder, is written twice.
#include "aggregate_query.h"

#include "event_filters.h"

namespace creditlens::sql {

SqlQuery BuildAggregateQuery(const SqlDialect& dialect, const mapping::TableMapping& events,
                             const AggregateRequest& request) {
  SqlQuery query(dialect);
  std::string& sql = query.text;
  const std::string ts_ms = dialect.EpochMs(events.ts_type, events.At("ts"));
  sql = "SELECT " + dialect.BucketStartMs(request.bucket, ts_ms);
  for (const Dimension d : request.group_by) {
    const std::string* expr = events.Find(mapping::DimensionField(d));
    sql += ", " + (expr ? "COALESCE(" + dialect.Text(*expr) + ", '')" : std::string("''"));
  }
  sql += ", " + dialect.SumMicroCredits(events.At("credits")) + ", COUNT(*) FROM " + events.table;
  AppendEventWhere(events, request.from_ms, request.to_ms, request.filters, query);
  const std::size_t groups = (request.bucket == TimeBucket::kNone ? 0 : 1) + request.group_by.size();
  if (groups == 0) {
    sql += " HAVING COUNT(*) > 0";  // no events: no row, as with groups
    return query;
  }
  sql += " GROUP BY ";
  // Without a bucket, column 1 is the constant 0: grouping starts at the keys.
  const std::size_t first = request.bucket == TimeBucket::kNone ? 2 : 1;
  for (std::size_t i = 0; i < groups; ++i) sql += (i == 0 ? "" : ", ") + std::to_string(first + i);
  return query;
}

}  // namespace creditlens::sql

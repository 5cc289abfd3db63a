// SQL for aggregate requests against the embedded store's schema (sqlite_schema.cc).
#include "sqlite_aggregate.h"

#include <algorithm>

namespace creditlens::sqlite {
namespace {

constexpr std::int64_t kMsPerHour = 3'600'000;

// Column names come from this fixed table only.
const char* ColumnOf(Dimension d) {
  switch (d) {
    case Dimension::kWorkspace:
      return "workspace_id";
    case Dimension::kCategory:
      return "category";
    case Dimension::kFeature:
      return "feature";
    case Dimension::kFolder:
      return "folder";
    case Dimension::kApiKey:
      return "api_key";
    case Dimension::kUser:
      return "user_id";
    case Dimension::kSource:
      return "source";
    case Dimension::kRun:
      return "run_id";
    case Dimension::kModule:
      return "module";
  }
  return "workspace_id";
}

bool InRollup(Dimension d) {
  return d == Dimension::kWorkspace || d == Dimension::kCategory || d == Dimension::kFeature;
}

bool RollupAnswers(const AggregateRequest& r) {
  const bool hour_aligned = r.from_ms % kMsPerHour == 0 && r.to_ms % kMsPerHour == 0;
  return hour_aligned && r.bucket != TimeBucket::kQuarterHourUtc &&
         std::all_of(r.group_by.begin(), r.group_by.end(), InRollup) &&
         std::all_of(r.filters.begin(), r.filters.end(), [](const auto& f) { return InRollup(f.dimension); });
}

}  // namespace

AggregateSql BuildAggregateSql(const AggregateRequest& request) {
  AggregateSql out;
  out.uses_rollup = RollupAnswers(request);
  const char* time_column = out.uses_rollup ? "hour" : "ts";
  std::string bucket = "0";
  if (request.bucket == TimeBucket::kHourUtc) bucket = out.uses_rollup ? "hour" : "(ts / 3600000) * 3600000";
  if (request.bucket == TimeBucket::kQuarterHourUtc) bucket = "(ts / 900000) * 900000";

  std::string& sql = out.sql;
  sql = "SELECT " + bucket;
  for (Dimension d : request.group_by) sql += std::string(", COALESCE(") + ColumnOf(d) + ", '')";
  sql += out.uses_rollup ? ", SUM(credits), SUM(events) FROM rollup_hour"
                         : ", SUM(credits), COUNT(*) FROM events";
  sql += std::string(" WHERE ") + time_column + " >= ? AND " + time_column + " < ?";
  for (const DimensionFilter& filter : request.filters) {
    sql += std::string(" AND COALESCE(") + ColumnOf(filter.dimension) + ", '') IN (";
    for (std::size_t i = 0; i < filter.values.size(); ++i) {
      sql += i == 0 ? "?" : ", ?";
      out.text_parameters.push_back(filter.values[i]);
    }
    sql += ")";
  }
  sql += " GROUP BY 1";
  for (std::size_t i = 0; i < request.group_by.size(); ++i) sql += ", " + std::to_string(i + 2);
  return out;
}

}  // namespace creditlens::sqlite

// The SQL of the two event reads: aggregates (filters, GROUP BY and UTC time buckets pushed into
// ClickHouse, credits summed as Int64 micro-credits) and raw listings. Filter values travel as
// external tables; time bounds are integers formatted here. The SQL reads TabSeparated rows back.
#pragma once

#include <string_view>
#include <vector>

#include "clickhouse_client.h"
#include "creditlens/source_connector.h"
#include "resolved_table.h"

namespace creditlens::clickhouse {

struct BuiltQuery {
  std::string sql;
  std::vector<ExternalTable> tables;  // one per filter with values, named _filter_<n>
};

// Columns: bucket start (epoch ms, 0 without a bucket), one per group_by entry, micro-credits, events.
BuiltQuery BuildAggregateQuery(const ResolvedTable& events, const AggregateRequest& request);

// The columns of a listing, in this order.
inline constexpr std::string_view kListedFields[] = {
    "id",     "ts",      "workspace_id", "category", "feature", "credits", "quantity",  "unit",
    "folder", "api_key", "user_id",      "source",   "run_id",  "module",  "data_bytes"};

// Columns: kListedFields.
BuiltQuery BuildListQuery(const ResolvedTable& events, const EventQuery& request);

}  // namespace creditlens::clickhouse

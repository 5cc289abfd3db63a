// The SQL of an AggregateRequest: the filters and GROUP BY pushed down to the server.
// Result columns, in order: bucket start (epoch ms, 0 without a bucket), one text key per group_by
// entry, the exact micro-credit sum, the event count.
#pragma once

#include "column_mapping.h"
#include "creditlens/source_connector.h"
#include "sql_query.h"

namespace creditlens::sql {

SqlQuery BuildAggregateQuery(const SqlDialect& dialect, const mapping::TableMapping& events,
                             const AggregateRequest& request);

}  // namespace creditlens::sql

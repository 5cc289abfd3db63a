// The WHERE clause every events query shares: the time range on the ts column, and the dimension
// filters, each value bound.
#pragma once

#include <cstdint>
#include <vector>

#include "column_mapping.h"
#include "creditlens/source_connector.h"
#include "sql_query.h"

namespace creditlens::sql {

// Appends " WHERE ts >= from AND ts < to AND <filters>" to query.text, binding every value.
// A filter on an unmapped (so always empty) field matches everything or nothing; a value "" also
// matches NULL, since NULL reads as "".
void AppendEventWhere(const mapping::TableMapping& events, std::int64_t from_ms, std::int64_t to_ms,
                      const std::vector<DimensionFilter>& filters, SqlQuery& query);

}  // namespace creditlens::sql

// Reads the TabSeparated rows of the event queries (event_queries.h) into the engine's types,
// strictly: every number must be a whole Int64, every column where it belongs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "creditlens/source_connector.h"
#include "tab_separated.h"

namespace creditlens::clickhouse {

// A whole number in Int64 range; throws std::invalid_argument naming `what` otherwise.
std::int64_t ParseInt64(const std::string& text, const char* what);
// As ParseInt64, with \N (NULL) as nothing.
std::optional<std::int64_t> ParseOptionalInt64(const TsvRow& row, std::size_t column, const char* what);

// A row of BuildAggregateQuery with `keys` group-by columns; throws std::invalid_argument.
void ReadAggregateRow(const TsvRow& row, std::size_t keys, AggregateRow& out);

// A row of BuildListQuery; throws std::invalid_argument.
void ReadEventRow(const TsvRow& row, UsageEvent& out);

}  // namespace creditlens::clickhouse

// A mapped table checked against the server: each field of its mapping as the SQL it is read as.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clickhouse_client.h"
#include "column_mapping.h"
#include "column_sql.h"

namespace creditlens::clickhouse {

struct ResolvedTable {
  std::string table;                           // as the mapping names it
  std::span<const mapping::FieldSpec> fields;  // the fields of its kind, in the data contract's order
  std::vector<ColumnSql> columns;              // one per field; unmapped optional fields read '' or NULL

  // The column of a field of this table's kind (throws std::logic_error for another name).
  const ColumnSql& Column(std::string_view field) const;
  // "<sql of the first field>, <sql of the second>, ...".
  std::string SelectList(std::span<const std::string_view> names) const;
};

// Checks every mapped expression of mapping on the server (SELECT ... FROM table LIMIT 0) and reads its
// type. Throws std::runtime_error naming the mapping entry at fault ("mapping: events.columns.credits:
// ...") with ClickHouse's message: a missing table, an unknown column, a type that does not fit.
ResolvedTable ResolveTable(const Client& client, const mapping::TableMapping& mapping,
                           std::span<const mapping::FieldSpec> fields);

}  // namespace creditlens::clickhouse

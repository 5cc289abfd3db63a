// The SQL of an EventQuery (ListEvents) and how to read its rows back into UsageEvents. Every mapped
// field is selected as the type UsageEvent holds it; unmapped optional fields are not selected.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "column_mapping.h"
#include "creditlens/source_connector.h"
#include "result_chunk.h"
#include "sql_query.h"

namespace creditlens::sql {

// The select-list expression of one mapped event field, and the kind it is read as.
struct FieldRead {
  std::string expression;
  ColumnKind kind;
};
FieldRead ReadEventField(const SqlDialect& dialect, mapping::TsType ts_type, std::string_view field,
                         const std::string& expr);

class EventSelect {
 public:
  EventSelect(const SqlDialect& dialect, const mapping::TableMapping& events, const EventQuery& request);

  const SqlQuery& query() const { return query_; }
  const std::vector<ColumnKind>& columns() const { return columns_; }
  // Fills event from one row of a chunk of this query's result.
  void Read(const ResultChunk& chunk, std::size_t row, UsageEvent& event) const;

 private:
  SqlQuery query_;
  std::vector<ColumnKind> columns_;
  std::vector<std::pair<std::size_t, std::string UsageEvent::*>> text_columns_;
  std::size_t ts_column_ = 0, credits_column_ = 0;
  std::optional<std::size_t> quantity_column_, data_bytes_column_;
};

}  // namespace creditlens::sql

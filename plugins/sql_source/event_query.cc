// Event listings: one SELECT of the mapped fields with the shared WHERE clause.
#include "event_query.h"

#include "event_filters.h"

namespace creditlens::sql {
namespace {

struct TextField {
  std::string_view name;
  std::string UsageEvent::*member;
};
constexpr TextField kTextFields[] = {
    {"id", &UsageEvent::id},
    {"workspace_id", &UsageEvent::workspace_id},
    {"category", &UsageEvent::category},
    {"feature", &UsageEvent::feature},
    {"folder", &UsageEvent::folder},
    {"api_key", &UsageEvent::api_key},
    {"user_id", &UsageEvent::user_id},
    {"source", &UsageEvent::source},
    {"run_id", &UsageEvent::run_id},
    {"module", &UsageEvent::module},
    {"unit", &UsageEvent::unit},
};

}  // namespace

FieldRead ReadEventField(const SqlDialect& dialect, mapping::TsType ts_type, std::string_view field,
                         const std::string& expr) {
  if (field == "ts") return {dialect.EpochMs(ts_type, expr), ColumnKind::kInt64};
  if (field == "credits") return {dialect.MicroCredits(expr), ColumnKind::kInt64};
  if (field == "quantity") return {dialect.MicroCredits(expr), ColumnKind::kOptionalInt64};
  if (field == "data_bytes") return {dialect.Int64(expr), ColumnKind::kOptionalInt64};
  return {dialect.Text(expr), ColumnKind::kText};
}

EventSelect::EventSelect(const SqlDialect& dialect, const mapping::TableMapping& events,
                         const EventQuery& request)
    : query_(dialect) {
  std::string list;
  for (const mapping::MappedColumn& column : events.columns) {
    const FieldRead read = ReadEventField(dialect, events.ts_type, column.field, column.expression);
    const std::size_t index = columns_.size();
    list += (list.empty() ? "" : ", ") + read.expression;
    columns_.push_back(read.kind);
    if (column.field == "ts") ts_column_ = index;
    if (column.field == "credits") credits_column_ = index;
    if (column.field == "quantity") quantity_column_ = index;
    if (column.field == "data_bytes") data_bytes_column_ = index;
    for (const TextField& text : kTextFields) {
      if (text.name == column.field) text_columns_.emplace_back(index, text.member);
    }
  }
  query_.text = "SELECT " + list + " FROM " + events.table;
  AppendEventWhere(events, request.from_ms, request.to_ms, request.filters, query_);
}

void EventSelect::Read(const ResultChunk& chunk, std::size_t row, UsageEvent& event) const {
  for (const auto& [column, member] : text_columns_) event.*member = chunk.Text(column, row);
  event.ts_ms = chunk.Int64(ts_column_, row);
  event.credits = chunk.Int64(credits_column_, row);
  event.quantity = quantity_column_ ? chunk.OptionalInt64(*quantity_column_, row) : std::nullopt;
  event.data_bytes = data_bytes_column_ ? chunk.OptionalInt64(*data_bytes_column_, row) : std::nullopt;
}

}  // namespace creditlens::sql

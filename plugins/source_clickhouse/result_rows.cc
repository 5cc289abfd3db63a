// Converts result fields with std::from_chars: no locale, no partial numbers.
#include "result_rows.h"

#include <charconv>
#include <stdexcept>

namespace creditlens::clickhouse {

std::int64_t ParseInt64(const std::string& text, const char* what) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) {
    throw std::invalid_argument(std::string(what) + " is not a whole number: '" + text + "'");
  }
  return value;
}

std::optional<std::int64_t> ParseOptionalInt64(const TsvRow& row, std::size_t column, const char* what) {
  if (row.IsNull(column)) return std::nullopt;
  return ParseInt64(row[column], what);
}

void ReadAggregateRow(const TsvRow& row, std::size_t keys, AggregateRow& out) {
  out.bucket_start_ms = ParseInt64(row[0], "bucket start");
  out.keys.resize(keys);
  for (std::size_t k = 0; k < keys; ++k) out.keys[k] = row[k + 1];
  out.credits = ParseInt64(row[keys + 1], "credits");
  out.events = ParseInt64(row[keys + 2], "event count");
}

void ReadEventRow(const TsvRow& row, UsageEvent& out) {
  out.id = row[0];
  out.ts_ms = ParseInt64(row[1], "ts");
  out.workspace_id = row[2];
  out.category = row[3];
  out.feature = row[4];
  out.credits = ParseInt64(row[5], "credits");
  out.quantity = ParseOptionalInt64(row, 6, "quantity");
  out.unit = row[7];
  out.folder = row[8];
  out.api_key = row[9];
  out.user_id = row[10];
  out.source = row[11];
  out.run_id = row[12];
  out.module = row[13];
  out.data_bytes = ParseOptionalInt64(row, 14, "data_bytes");
}

}  // namespace creditlens::clickhouse

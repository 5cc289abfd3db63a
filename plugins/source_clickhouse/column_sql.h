// The SQL each mapped field is read as, chosen by the ClickHouse type of the operator's expression:
// text as String, amounts as exact Int64 micro-units, counts as Int64, times as Int64 epoch ms.
// Amounts are converted row by row before any sum: decimals exactly, integers exactly, floats
// rounded once to the micro-unit, so a sum of micro-units is the exact sum of the stored amounts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "column_mapping.h"

namespace creditlens::clickhouse {

// What a field holds, by the data contract.
enum class FieldRole {
  kText,     // ids, names, attribution, prices kept as written
  kMicro,    // credits and quantities: exact to 6 decimals
  kInteger,  // counts, bytes, priorities
  kTime,     // read through the table's ts_type
};

FieldRole RoleOf(const mapping::FieldSpec& field);

// How a time field may be compared with the bounds of a range.
enum class TimeCompare {
  kMilliseconds,  // `raw` holds epoch ms: compare it with the bounds as they are
  kSeconds,       // `raw` holds epoch seconds: compare it with the bounds rounded up to seconds
  kDateTime,      // `raw` is a DateTime: compare it with toDateTime(bounds rounded up to seconds)
  kConverted,     // compare `sql` (epoch ms) with the bounds
};

struct ColumnSql {
  std::string sql;  // the value as the role wants it; NULL only for optional fields of Nullable type
  std::string raw;  // the operator's expression, parenthesised
  TimeCompare compare = TimeCompare::kConverted;  // kTime only
};

// The SQL for field, mapped to expression of ClickHouse type `type` (as ClickHouse names it, e.g.
// "Nullable(Decimal(18, 4))"). Throws std::invalid_argument saying why the type does not fit the
// field (without the entry's name: the caller adds it).
ColumnSql ReadColumnAs(const mapping::FieldSpec& field, const std::string& expression, std::string_view type,
                       mapping::TsType ts_type);

// The SQL of an optional field that is not mapped: '' for text, NULL otherwise.
ColumnSql UnmappedColumn(const mapping::FieldSpec& field);

// "<time> >= lower AND <time> < upper" over a half-open range of epoch ms, or "0" when no stored
// value can fall in it. The bounds are integers formatted here, never text from a user.
std::string TimeRangeCondition(const ColumnSql& time, std::int64_t from_ms, std::int64_t to_ms);

// The start of the step-long UTC slot holding the epoch ms `time_ms` (floor, also before 1970).
std::string FloorToStepSql(const std::string& time_ms, std::int64_t step_ms);

}  // namespace creditlens::clickhouse

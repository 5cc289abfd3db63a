// Type-directed SQL for mapped columns; ClickHouse type names as its HTTP interface reports them.
#include "column_sql.h"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

namespace creditlens::clickhouse {
namespace {

enum class Kind { kString, kInteger, kFloat, kDecimal, kDateTime, kOther };

struct TypeShape {
  Kind kind = Kind::kOther;
  bool nullable = false;
};

// Removes wrapper( ... ) around type when it is there.
bool Unwrap(std::string_view& type, std::string_view wrapper) {
  if (!type.starts_with(wrapper) || !type.ends_with(")")) return false;
  type = type.substr(wrapper.size(), type.size() - wrapper.size() - 1);
  return true;
}

TypeShape ShapeOf(std::string_view type) {
  TypeShape shape;
  while (true) {
    if (Unwrap(type, "Nullable(")) {
      shape.nullable = true;
    } else if (!Unwrap(type, "LowCardinality(")) {
      break;
    }
  }
  const std::string_view base = type.substr(0, type.find('('));
  constexpr std::array<std::string_view, 8> kIntegers = {"Int8",  "Int16",  "Int32",  "Int64",
                                                         "UInt8", "UInt16", "UInt32", "UInt64"};
  if (base == "String" || base == "FixedString") {
    shape.kind = Kind::kString;
  } else if (std::find(kIntegers.begin(), kIntegers.end(), base) != kIntegers.end()) {
    shape.kind = Kind::kInteger;
  } else if (base == "Float32" || base == "Float64") {
    shape.kind = Kind::kFloat;
  } else if (base.starts_with("Decimal")) {
    shape.kind = Kind::kDecimal;
  } else if (base == "DateTime") {
    shape.kind = Kind::kDateTime;
  }
  return shape;
}

[[noreturn]] void Refuse(std::string_view type, const std::string& expected) {
  throw std::invalid_argument("has type " + std::string(type) + "; expected " + expected);
}

// An amount scaled by 10^digits to an Int64, exactly for integers and decimals.
std::string ScaledInteger(const std::string& e, const TypeShape& shape, int digits) {
  const std::string scale = "1" + std::string(static_cast<std::size_t>(digits), '0');
  const std::string places = std::to_string(digits);
  switch (shape.kind) {
    case Kind::kInteger:
      return "toInt64(" + e + ") * " + scale;
    case Kind::kFloat:
      return "toInt64(round(" + e + " * " + scale + "))";
    default:  // kDecimal
      return "toInt64(toDecimal128(round(" + e + ", " + places + "), " + places + ") * " + scale + ")";
  }
}

bool IsNumber(const TypeShape& shape) {
  return shape.kind == Kind::kInteger || shape.kind == Kind::kFloat || shape.kind == Kind::kDecimal;
}

ColumnSql TimeColumn(const std::string& e, const TypeShape& shape, std::string_view type,
                     mapping::TsType ts_type) {
  ColumnSql out{.sql = {}, .raw = e};
  switch (ts_type) {
    case mapping::TsType::kTimestamp:
      if (shape.kind != Kind::kDateTime) {
        Refuse(type,
               "a DateTime for ts_type timestamp (for epoch numbers set ts_type to epoch_ms or epoch_s)");
      }
      out.sql = "toInt64(" + e + ") * 1000";
      out.compare = TimeCompare::kDateTime;
      return out;
    case mapping::TsType::kEpochMs:
      if (!IsNumber(shape)) Refuse(type, "a number of milliseconds for ts_type epoch_ms");
      out.sql = shape.kind == Kind::kInteger ? "toInt64(" + e + ")" : "toInt64(round(toFloat64(" + e + ")))";
      out.compare = shape.kind == Kind::kInteger ? TimeCompare::kMilliseconds : TimeCompare::kConverted;
      return out;
    case mapping::TsType::kEpochS:
      break;
  }
  if (!IsNumber(shape)) Refuse(type, "a number of seconds for ts_type epoch_s");
  out.sql = ScaledInteger(e, shape, 3);
  out.compare = shape.kind == Kind::kInteger ? TimeCompare::kSeconds : TimeCompare::kConverted;
  return out;
}

// The smallest integer >= a / b, for b > 0.
std::int64_t CeilDiv(std::int64_t a, std::int64_t b) { return a / b + (a % b > 0 ? 1 : 0); }

}  // namespace

FieldRole RoleOf(const mapping::FieldSpec& field) {
  if (field.is_time) return FieldRole::kTime;
  constexpr std::array<std::string_view, 4> kMicro = {"credits", "quantity", "flex_threshold",
                                                      "included_credits"};
  constexpr std::array<std::string_view, 6> kInteger = {"data_bytes",     "members_limit",  "members_count",
                                                        "projects_limit", "projects_count", "priority"};
  if (std::find(kMicro.begin(), kMicro.end(), field.name) != kMicro.end()) return FieldRole::kMicro;
  if (std::find(kInteger.begin(), kInteger.end(), field.name) != kInteger.end()) return FieldRole::kInteger;
  return FieldRole::kText;
}

ColumnSql ReadColumnAs(const mapping::FieldSpec& field, const std::string& expression, std::string_view type,
                       mapping::TsType ts_type) {
  const TypeShape shape = ShapeOf(type);
  if (field.required && shape.nullable) {
    throw std::invalid_argument("has type " + std::string(type) + " but " + std::string(field.name) +
                                " is required: say what NULL means, e.g. ifNull(" + expression +
                                ", ...), or assumeNotNull(" + expression + ")");
  }
  const std::string e = "(" + expression + ")";
  switch (RoleOf(field)) {
    case FieldRole::kTime:
      return TimeColumn(e, shape, type, ts_type);
    case FieldRole::kMicro:
      if (!IsNumber(shape)) Refuse(type, "a number (an integer, decimal or float column)");
      return {.sql = ScaledInteger(e, shape, 6), .raw = e};
    case FieldRole::kInteger:
      if (shape.kind != Kind::kInteger) Refuse(type, "an integer");
      return {.sql = "toInt64(" + e + ")", .raw = e};
    case FieldRole::kText:
      break;
  }
  const std::string text = shape.kind == Kind::kString ? e : "toString(" + e + ")";
  return {.sql = shape.nullable ? "ifNull(" + text + ", '')" : text, .raw = e};
}

ColumnSql UnmappedColumn(const mapping::FieldSpec& field) {
  return {.sql = RoleOf(field) == FieldRole::kText ? "''" : "NULL", .raw = {}};
}

std::string TimeRangeCondition(const ColumnSql& time, std::int64_t from_ms, std::int64_t to_ms) {
  if (from_ms >= to_ms) return "0";
  const auto range = [](const std::string& value, const std::string& lower, const std::string& upper) {
    return value + " >= " + lower + " AND " + value + " < " + upper;
  };
  switch (time.compare) {
    case TimeCompare::kMilliseconds:
      return range(time.raw, std::to_string(from_ms), std::to_string(to_ms));
    case TimeCompare::kSeconds:
      return range(time.raw, std::to_string(CeilDiv(from_ms, 1000)), std::to_string(CeilDiv(to_ms, 1000)));
    case TimeCompare::kDateTime: {
      // DateTime holds whole seconds in 0 .. 2^32 - 1.
      constexpr std::int64_t kLast = std::numeric_limits<std::uint32_t>::max();
      const std::int64_t lower = std::max<std::int64_t>(0, CeilDiv(from_ms, 1000));
      const std::int64_t upper = CeilDiv(to_ms, 1000);
      if (lower >= upper || lower > kLast) return "0";
      const std::string from = time.raw + " >= toDateTime(" + std::to_string(lower) + ")";
      return upper > kLast ? from
                           : from + " AND " + time.raw + " < toDateTime(" + std::to_string(upper) + ")";
    }
    case TimeCompare::kConverted:
      break;
  }
  return range("(" + time.sql + ")", std::to_string(from_ms), std::to_string(to_ms));
}

std::string FloorToStepSql(const std::string& time_ms, std::int64_t step_ms) {
  const std::string step = std::to_string(step_ms);
  return "(intDiv(" + time_ms + ", " + step + ") - ((" + time_ms + ") % " + step + " < 0)) * " + step;
}

}  // namespace creditlens::clickhouse

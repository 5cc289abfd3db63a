// The parts of every dialect built from its casts.
#include "sql_dialect.h"

namespace creditlens::sql {

std::string SqlDialect::EpochMs(mapping::TsType type, const std::string& expr) const {
  switch (type) {
    case mapping::TsType::kEpochMs:
      return Int64(expr);
    case mapping::TsType::kEpochS:
      return Int64("FLOOR((" + expr + ") * 1000)");
    case mapping::TsType::kTimestamp:
      break;
  }
  return TimestampToEpochMs(expr);
}

std::string SqlDialect::TimeFromEpochMs(mapping::TsType type, const std::string& placeholder) const {
  switch (type) {
    case mapping::TsType::kEpochMs:
      return Int64(placeholder);
    case mapping::TsType::kEpochS:
      return "(" + Int64(placeholder) + " / 1000.0)";  // exact: a decimal, not a float
    case mapping::TsType::kTimestamp:
      break;
  }
  return TimestampFromEpochMs(Int64(placeholder));
}

std::string SqlDialect::MicroCredits(const std::string& expr) const {
  return Int64("ROUND((" + expr + ") * 1000000)");
}

std::string SqlDialect::SumMicroCredits(const std::string& expr) const {
  return Int64("SUM(" + MicroCredits(expr) + ")");
}

std::string SqlDialect::BucketStartMs(TimeBucket bucket, const std::string& epoch_ms) const {
  switch (bucket) {
    case TimeBucket::kHourUtc:
      return "(" + IntegerDivide(epoch_ms, "3600000") + ") * 3600000";
    case TimeBucket::kQuarterHourUtc:
      return "(" + IntegerDivide(epoch_ms, "900000") + ") * 900000";
    case TimeBucket::kNone:
      break;
  }
  return "0";
}

}  // namespace creditlens::sql

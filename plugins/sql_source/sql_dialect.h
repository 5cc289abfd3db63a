// What differs between the SQL servers the Poco::Data source plugins read: placeholders, identifier
// quoting, time arithmetic and casts. Each method returns SQL text around the operator's expressions
// (trusted configuration, see column_mapping.h); user values only ever appear as placeholders.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "column_mapping.h"
#include "creditlens/source_connector.h"

namespace creditlens::sql {

class SqlDialect {
 public:
  virtual ~SqlDialect() = default;

  // The placeholder of the index-th bound value (1-based): "?" or "$1".
  virtual std::string Placeholder(std::size_t index) const = 0;

  // UTC milliseconds since the epoch, as a 64-bit integer, from a time column stored as type.
  std::string EpochMs(mapping::TsType type, const std::string& expr) const;
  // A value comparable with a time column stored as type, from a bound integer of epoch
  // milliseconds: range filters compare the column itself, so that its index serves them.
  std::string TimeFromEpochMs(mapping::TsType type, const std::string& placeholder) const;
  // The two for TIMESTAMP/DATETIME columns (read as UTC), where servers differ.
  virtual std::string TimestampToEpochMs(const std::string& expr) const = 0;
  virtual std::string TimestampFromEpochMs(const std::string& epoch_ms) const = 0;
  // The 64-bit integer quotient of two integer expressions, rounded down (values are >= 0).
  virtual std::string IntegerDivide(const std::string& dividend, const std::string& divisor) const = 0;

  // Casts.
  virtual std::string Text(const std::string& expr) const = 0;
  virtual std::string Int64(const std::string& expr) const = 0;

  // Micro-credits of one row, exact: CAST(ROUND((expr) * 1000000) AS BIGINT).
  std::string MicroCredits(const std::string& expr) const;
  // Their exact sum, as a 64-bit integer: integers are summed, never floats.
  std::string SumMicroCredits(const std::string& expr) const;
  // The start of the UTC bucket holding an epoch-ms value, in epoch ms (kNone: 0).
  std::string BucketStartMs(TimeBucket bucket, const std::string& epoch_ms) const;

  // The statements that set a new session up for this dialect's SQL: the session's time zone to UTC
  // (timestamps without a zone read as UTC) and read only.
  virtual std::vector<std::string> SessionSetup() const = 0;

  // Whether a long listing must go through a server-side cursor so that the client does not buffer
  // the whole result (PostgreSQL's client library does; MySQL's streams row by row).
  virtual bool ListsThroughCursor() const { return false; }
};

}  // namespace creditlens::sql

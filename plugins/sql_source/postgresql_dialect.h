// PostgreSQL's dialect, for the PostgreSQL plugin ($1 placeholders, libpq through Poco::Data) and the
// ODBC plugin (? placeholders, the PostgreSQL ODBC driver). SessionSetup sets the session's TimeZone
// to UTC, so that a timestamp without time zone reads as UTC.
#pragma once

#include "sql_dialect.h"

namespace creditlens::sql {

class PostgresqlDialect final : public SqlDialect {
 public:
  enum class Placeholders { kDollar, kQuestionMark };
  // kDeclareCursor: long results are read through DECLARE CURSOR / FETCH (libpq buffers whole
  // results). kDriverCursor: the driver pages itself (psqlODBC with UseDeclareFetch=1).
  enum class Paging { kDeclareCursor, kDriverCursor };
  PostgresqlDialect(Placeholders placeholders, Paging paging)
      : placeholders_(placeholders), paging_(paging) {}

  std::string Placeholder(std::size_t index) const override;
  std::string TimestampToEpochMs(const std::string& expr) const override;
  std::string TimestampFromEpochMs(const std::string& epoch_ms) const override;
  std::string IntegerDivide(const std::string& dividend, const std::string& divisor) const override;
  std::string Text(const std::string& expr) const override;
  std::string Int64(const std::string& expr) const override;
  std::vector<std::string> SessionSetup() const override;
  bool ListsThroughCursor() const override { return paging_ == Paging::kDeclareCursor; }

 private:
  Placeholders placeholders_;
  Paging paging_;
};

}  // namespace creditlens::sql

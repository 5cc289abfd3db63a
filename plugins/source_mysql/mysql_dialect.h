// MariaDB's and MySQL's dialect: ? placeholders, DATETIME arithmetic in microseconds.
// SessionSetup sets the session's time_zone to UTC, so that TIMESTAMP columns read as UTC (DATETIME
// has no zone and is taken as UTC).
#pragma once

#include "sql_dialect.h"

namespace creditlens::mysql {

class MysqlDialect final : public sql::SqlDialect {
 public:
  std::string Placeholder(std::size_t index) const override;
  std::string TimestampToEpochMs(const std::string& expr) const override;
  std::string TimestampFromEpochMs(const std::string& epoch_ms) const override;
  std::string IntegerDivide(const std::string& dividend, const std::string& divisor) const override;
  std::string Text(const std::string& expr) const override;
  std::string Int64(const std::string& expr) const override;
  std::vector<std::string> SessionSetup() const override;
};

}  // namespace creditlens::mysql

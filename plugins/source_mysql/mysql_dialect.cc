// TIMESTAMPDIFF/TIMESTAMPADD from the epoch as a DATETIME literal: exact to the microsecond and
// independent of UNIX_TIMESTAMP's range.
#include "mysql_dialect.h"

namespace creditlens::mysql {

namespace {
constexpr const char* kEpoch = "TIMESTAMP '1970-01-01 00:00:00'";
}

std::string MysqlDialect::Placeholder(std::size_t) const { return "?"; }

std::string MysqlDialect::TimestampToEpochMs(const std::string& expr) const {
  return Int64("TIMESTAMPDIFF(MICROSECOND, " + std::string(kEpoch) + ", " + expr + ") DIV 1000");
}

std::string MysqlDialect::TimestampFromEpochMs(const std::string& epoch_ms) const {
  return "TIMESTAMPADD(MICROSECOND, " + epoch_ms + " * 1000, " + kEpoch + ")";
}

std::string MysqlDialect::IntegerDivide(const std::string& dividend, const std::string& divisor) const {
  return Int64(dividend) + " DIV " + divisor;
}

std::string MysqlDialect::Text(const std::string& expr) const { return "CAST((" + expr + ") AS CHAR)"; }

std::string MysqlDialect::Int64(const std::string& expr) const { return "CAST((" + expr + ") AS SIGNED)"; }

std::vector<std::string> MysqlDialect::SessionSetup() const {
  return {"SET time_zone = '+00:00'", "SET SESSION TRANSACTION READ ONLY"};
}

}  // namespace creditlens::mysql

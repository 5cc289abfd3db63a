// PostgreSQL: EXTRACT(EPOCH ...) is numeric (exact) since 14; bigint division truncates.
#include "postgresql_dialect.h"

namespace creditlens::sql {

std::vector<std::string> PostgresqlDialect::SessionSetup() const {
  return {"SET TIME ZONE 'UTC'", "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"};
}

std::string PostgresqlDialect::Placeholder(std::size_t index) const {
  return placeholders_ == Placeholders::kDollar ? "$" + std::to_string(index) : "?";
}

std::string PostgresqlDialect::TimestampToEpochMs(const std::string& expr) const {
  return Int64("FLOOR(EXTRACT(EPOCH FROM (" + expr + ")) * 1000)");
}

std::string PostgresqlDialect::TimestampFromEpochMs(const std::string& epoch_ms) const {
  return "(TIMESTAMPTZ 'epoch' + " + epoch_ms + " * INTERVAL '1 millisecond')";
}

std::string PostgresqlDialect::IntegerDivide(const std::string& dividend, const std::string& divisor) const {
  return Int64(dividend) + " / " + divisor;
}

std::string PostgresqlDialect::Text(const std::string& expr) const { return "CAST((" + expr + ") AS TEXT)"; }

std::string PostgresqlDialect::Int64(const std::string& expr) const {
  return "CAST((" + expr + ") AS BIGINT)";
}

}  // namespace creditlens::sql

// The PostgreSQL source: --source postgresql://user@host:port/db with a column mapping, read through
// Poco::Data's PostgreSQL connector (libpq).
#pragma once

#include "sql_source_connector.h"

namespace creditlens::postgresql {

class PostgresqlConnector final : public sql::SqlSourceConnector {
 public:
  PostgresqlConnector();
  ConnectorInfo Describe() const noexcept override;

 protected:
  std::unique_ptr<Poco::Data::Session> Connect(const Settings& settings,
                                               const std::optional<std::string>& password) override;
};

}  // namespace creditlens::postgresql

// The ODBC source: --source odbc:DSN=name (or a full connection string) with a column mapping, read
// through Poco::Data's ODBC connector. The SQL is PostgreSQL's: the supported driver is
// odbc-postgresql (psqlODBC).
#pragma once

#include "sql_source_connector.h"

namespace creditlens::odbc {

class OdbcConnector final : public sql::SqlSourceConnector {
 public:
  OdbcConnector();
  ConnectorInfo Describe() const noexcept override;

 protected:
  std::unique_ptr<Poco::Data::Session> Connect(const Settings& settings,
                                               const std::optional<std::string>& password) override;
};

}  // namespace creditlens::odbc

// The MariaDB/MySQL source: --source mysql://user@host:port/db with a column mapping, read through
// Poco::Data's MySQL connector (MariaDB Connector/C).
#pragma once

#include "sql_source_connector.h"

namespace creditlens::mysql {

class MysqlConnector final : public sql::SqlSourceConnector {
 public:
  MysqlConnector();
  ConnectorInfo Describe() const noexcept override;

 protected:
  std::unique_ptr<Poco::Data::Session> Connect(const Settings& settings,
                                               const std::optional<std::string>& password) override;
};

}  // namespace creditlens::mysql

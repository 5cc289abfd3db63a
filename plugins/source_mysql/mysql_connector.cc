// Connects; the dialect then sets the session's time zone to UTC (TIMESTAMP columns read as UTC) and
// makes it read only.
#include "mysql_connector.h"

#include <Poco/Data/MySQL/Connector.h>

#include "mysql_connection.h"
#include "mysql_dialect.h"
#include "open_session.h"
#include "source_password.h"

namespace creditlens::mysql {

MysqlConnector::MysqlConnector() : SqlSourceConnector(std::make_unique<MysqlDialect>()) {}

ConnectorInfo MysqlConnector::Describe() const noexcept {
  return {{"mysql", "0.1.0",
           "Usage events and accounts in a MariaDB or MySQL database, read through a column mapping; "
           "filters and grouping run on the server",
           sql::SqlSourceSettings("//analyst@db.internal:3306/billing")},
          {"mysql", "mariadb"}};
}

std::unique_ptr<Poco::Data::Session> MysqlConnector::Connect(const Settings& settings,
                                                             const std::optional<std::string>& password) {
  Poco::Data::MySQL::Connector::registerConnector();
  const sql::ServerUri uri = sql::ParseServerUri(settings.at("uri"));
  auto session = sql::OpenSession(Poco::Data::MySQL::Connector::KEY, MysqlConnectionString(uri, password),
                                  settings, uri.Describe("MySQL", "localhost", 3306), password);
  return session;
}

}  // namespace creditlens::mysql

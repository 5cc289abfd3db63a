// Connects through the driver manager; the PostgreSQL dialect then sets the session to UTC and read
// only.
#include "odbc_connector.h"

#include <Poco/Data/ODBC/Connector.h>

#include "odbc_connection.h"
#include "open_session.h"
#include "postgresql_dialect.h"
#include "source_password.h"

namespace creditlens::odbc {
namespace {

constexpr std::size_t kMaxTextBytes = std::size_t{16} << 20;  // 16 MiB

}  // namespace

OdbcConnector::OdbcConnector()
    : SqlSourceConnector(
          std::make_unique<sql::PostgresqlDialect>(sql::PostgresqlDialect::Placeholders::kQuestionMark,
                                                   sql::PostgresqlDialect::Paging::kDriverCursor)) {}

ConnectorInfo OdbcConnector::Describe() const noexcept {
  return {{"odbc", "0.1.0",
           "Usage events and accounts through an ODBC data source (the PostgreSQL ODBC driver), read "
           "through a column mapping; filters and grouping run on the server",
           sql::SqlSourceSettings("DSN=billing or Driver={PostgreSQL Unicode};Server=db;Database=x")},
          {"odbc"}};
}

std::unique_ptr<Poco::Data::Session> OdbcConnector::Connect(const Settings& settings,
                                                            const std::optional<std::string>& password) {
  Poco::Data::ODBC::Connector::registerConnector();
  const std::string& given = settings.at("uri");
  auto session = sql::OpenSession(Poco::Data::ODBC::Connector::KEY, OdbcConnectionString(given, password),
                                  settings, DescribeOdbcSource(given), password);
  // Columns read with SQLGetData, not bound buffers, and a text limit far above Poco's default of
  // 1024 bytes, which would cut long folder paths.
  session->setFeature("autoBind", false);
  session->setProperty("maxFieldSize", Poco::Any(kMaxTextBytes));
  return session;
}

}  // namespace creditlens::odbc

// Connects with libpq; the dialect sets the session to UTC (timestamps without time zone read as UTC,
// and timestamptz compares in UTC) and read only.
#include "postgresql_connector.h"

#include <Poco/Data/PostgreSQL/Connector.h>

#include "open_session.h"
#include "postgresql_conninfo.h"
#include "postgresql_dialect.h"
#include "postgresql_passfile.h"
#include "source_password.h"

namespace creditlens::postgresql {

PostgresqlConnector::PostgresqlConnector()
    : SqlSourceConnector(std::make_unique<sql::PostgresqlDialect>(
          sql::PostgresqlDialect::Placeholders::kDollar, sql::PostgresqlDialect::Paging::kDeclareCursor)) {}

ConnectorInfo PostgresqlConnector::Describe() const noexcept {
  return {{"postgresql", "0.1.0",
           "Usage events and accounts in a PostgreSQL database, read through a column mapping; "
           "filters and grouping run on the server",
           sql::SqlSourceSettings("//analyst@db.internal:5432/billing?sslmode=require")},
          {"postgresql"}};
}

std::unique_ptr<Poco::Data::Session> PostgresqlConnector::Connect(
    const Settings& settings, const std::optional<std::string>& password) {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  const sql::ServerUri uri = sql::ParseServerUri(settings.at("uri"));
  const int timeout = std::stoi(settings.at("connect_timeout_s"));
  // libpq reads the passfile while connecting; it is removed as soon as the session is open.
  const std::optional<TemporaryPassfile> passfile =
      password ? std::optional<TemporaryPassfile>(std::in_place, *password) : std::nullopt;
  auto session = sql::OpenSession(
      Poco::Data::PostgreSQL::Connector::KEY,
      PostgresqlConnectionString(uri, passfile ? std::optional(passfile->path()) : std::nullopt, timeout),
      settings, uri.Describe("PostgreSQL", "localhost", 5432), password);
  return session;
}

}  // namespace creditlens::postgresql

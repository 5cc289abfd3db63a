// The ODBC source against a real PostgreSQL 15 server through unixODBC and the PostgreSQL ODBC
// driver: the shared fixture, reached through a DSN (in a private odbc.ini) and through a full
// connection string.
#include <Poco/Data/ODBC/Connector.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "connector_checks.h"
#include "fixture_loader.h"
#include "odbc_connection.h"
#include "odbc_connector.h"
#include "postgresql_dialect.h"
#include "postgresql_fixture.h"
#include "server_test.h"
#include "support/temp_dir.h"
#include "usage_fixture.h"

namespace creditlens::odbc {
namespace {

namespace fixture = sql::testing;

constexpr const char* kPassword = "pa ss'w\"ord;--}{";
constexpr const char* kPasswordEnv = "CL_TEST_ODBC_PASSWORD";
constexpr const char* kDriver = "PostgreSQL Unicode";  // as odbc-postgresql registers it

bool DriverInstalled() {
  std::ifstream ini("/etc/odbcinst.ini");
  std::string line;
  while (std::getline(ini, line)) {
    if (line == "[" + std::string(kDriver) + "]") return true;
  }
  return false;
}

class OdbcSourceTest : public fixture::ServerTest<fixture::PostgresqlServer> {
 protected:
  static void SetUpTestSuite() {
    if (!DriverInstalled())
      return Refuse("the PostgreSQL ODBC driver is not installed (apt-get install odbc-postgresql)");
    StartServer([](const fixture::PostgresqlServer& server) {
      fixture::CreatePostgresqlFixture(server, kPassword);
      // A private odbc.ini holding the DSN.
      static const creditlens::testing::TempDir dir;
      const auto ini = dir.path() / "odbc.ini";
      std::ofstream(ini) << "[creditlens_test]\nDriver = " << kDriver
                         << "\nServername = 127.0.0.1\nPort = " << server.port()
                         << "\nDatabase = usage\nUsername = analyst\n";
      ::setenv("ODBCINI", ini.c_str(), 1);
    });
    ::setenv(kPasswordEnv, kPassword, 1);
  }

  static std::string FullString() {
    return "Driver={" + std::string(kDriver) + "};Server=127.0.0.1;Port=" + std::to_string(server().port()) +
           ";Database=usage;UID=analyst";
  }
  static Settings Base(const std::string& uri = "DSN=creditlens_test",
                       const std::string& mapping = fixture::PostgresqlFixtureMapping()) {
    return fixture::SourceSettings(uri, mapping, kPasswordEnv);
  }
  static std::string OpenError(const Settings& settings) {
    OdbcConnector connector;
    return fixture::OpenError(connector, settings);
  }
};

TEST_F(OdbcSourceTest, ReadsTheFixtureThroughADsnAndAConnectionString) {
  for (const std::string& uri : {std::string("DSN=creditlens_test"), FullString()}) {
    SCOPED_TRACE(uri);
    OdbcConnector connector;
    const Status opened = connector.Open(Base(uri));
    ASSERT_TRUE(opened.ok()) << opened.message();
    fixture::CheckAccounts(connector);
    fixture::CheckAggregates(connector);
    fixture::CheckListEvents(connector);
  }
}

TEST_F(OdbcSourceTest, HostileValuesMatchExactlyAndChangeNothing) {
  OdbcConnector connector;
  const Status opened = connector.Open(Base());
  ASSERT_TRUE(opened.ok()) << opened.message();
  fixture::CheckHostileValues(connector, *server().Admin("usage"), "billing.usage_log", "billing.orgs");
}

TEST_F(OdbcSourceTest, ErrorsNameTheEntryOrTheSourceButNotThePassword) {
  EXPECT_EQ(
      OpenError(
          Base("DSN=creditlens_test", fixture::Replaced(fixture::PostgresqlFixtureMapping(),
                                                        "amount_milli / 1000.0", "amount_mili / 1000.0"))),
      "mapping events.columns.credits = \"amount_mili / 1000.0\": column \"amount_mili\" does not exist");
  OdbcConnector connector;
  fixture::CheckWrongPassword(connector, Base(), "cannot connect to ODBC data source DSN=creditlens_test: ",
                              "password authentication failed");
  EXPECT_NE(OpenError(Base("DSN=creditlens_test;PWD=x")).find("password on the command line is refused"),
            std::string::npos);
  EXPECT_TRUE(
      OpenError(Base("DSN=no_such_dsn")).starts_with("cannot connect to ODBC data source DSN=no_such_dsn: "));
}

TEST_F(OdbcSourceTest, LongResultsAreReadInChunks) {
  Poco::Data::ODBC::Connector::registerConnector();
  Poco::Data::Session session(Poco::Data::ODBC::Connector::KEY,
                              OdbcConnectionString("DSN=creditlens_test", std::string(kPassword)));
  const sql::PostgresqlDialect dialect(sql::PostgresqlDialect::Placeholders::kQuestionMark,
                                       sql::PostgresqlDialect::Paging::kDriverCursor);
  fixture::CheckChunkedReading(session, dialect, "billing.usage_log");
}

}  // namespace
}  // namespace creditlens::odbc

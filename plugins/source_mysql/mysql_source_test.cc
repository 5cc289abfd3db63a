// The MySQL source against a real MariaDB server started for this test: the shared fixture in a
// non-canonical schema (credits as integer milli-credits, ts as DATETIME(3)), read by a user that
// may only SELECT.
#include <gtest/gtest.h>

#include <cstdlib>

#include "connector_checks.h"
#include "fixture_loader.h"
#include "mariadb_server.h"
#include "mysql_connector.h"
#include "mysql_dialect.h"
#include "result_reader.h"
#include "server_process.h"
#include "server_test.h"
#include "usage_fixture.h"

namespace creditlens::mysql {
namespace {

namespace fixture = sql::testing;

// Spaces, quotes and a comment marker (Poco's MySQL connector cannot pass a ';').
constexpr const char* kPassword = "pa ss'w\"ord--";
constexpr const char* kPasswordEnv = "CL_TEST_MYSQL_PASSWORD";

std::string Mapping(const std::string& events_table = "usage_log") {
  return fixture::FixtureMapping(events_table, "orgs", "plans", "bundles");
}

class MysqlSourceTest : public fixture::ServerTest<fixture::MariadbServer> {
 protected:
  static void SetUpTestSuite() {
    StartServer(CreateFixture);
    ::setenv(kPasswordEnv, kPassword, 1);
  }
  static void CreateFixture(const fixture::MariadbServer& server) {
    auto admin = server.Admin();
    sql::ExecuteSql(*admin, "CREATE DATABASE billing");
    sql::ExecuteSql(*admin, "CREATE USER 'analyst'@'%' IDENTIFIED BY 'pa ss''w\"ord--'");
    sql::ExecuteSql(*admin, "GRANT SELECT ON billing.* TO 'analyst'@'%'");
    auto db = server.Admin("billing");
    for (const char* ddl : {
             "CREATE TABLE usage_log (event_uuid VARCHAR(64) PRIMARY KEY, created_at DATETIME(3) NOT NULL, "
             "org_id VARCHAR(64) NOT NULL, kind VARCHAR(32) NOT NULL, feature_name VARCHAR(64) NOT NULL, "
             "amount_milli BIGINT NOT NULL, folder_path TEXT, key_name VARCHAR(64), member TEXT, "
             "workflow VARCHAR(64), run VARCHAR(64), step VARCHAR(64), qty_milli BIGINT, "
             "unit_name VARCHAR(32), bytes BIGINT, INDEX (created_at)) CHARACTER SET utf8mb4",
             "CREATE TABLE orgs (org_id VARCHAR(64) PRIMARY KEY, org_name TEXT, org_kind VARCHAR(16), "
             "tz VARCHAR(64), email VARCHAR(255), price DECIMAL(10,4), flex TINYINT(1), "
             "flex_cap DECIMAL(14,3), seats INT, seated INT) CHARACTER SET utf8mb4",
             "CREATE TABLE plans (org VARCHAR(64), plan_name VARCHAR(64), began DATETIME, ended DATETIME, "
             "period VARCHAR(16), included DECIMAL(14,3), flex_price DECIMAL(10,4)) CHARACTER SET utf8mb4",
             "CREATE TABLE bundles (org VARCHAR(64), bundle_id VARCHAR(64), bundle_kind VARCHAR(32), "
             "amount DECIMAL(14,3), cost DECIMAL(10,2), valid_from DATETIME, valid_to DATETIME, prio INT) "
             "CHARACTER SET utf8mb4",
         }) {
      sql::ExecuteSql(*db, ddl);
    }
    fixture::LoadFixture(
        *db, {"usage_log", "orgs", "plans", "bundles"}, [](std::size_t) { return "?"; }, "");
    // The same events with ts as epoch milliseconds and as epoch seconds with a fraction.
    sql::ExecuteSql(
        *db,
        "CREATE VIEW usage_times AS SELECT *, "
        "TIMESTAMPDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', created_at) DIV 1000 AS created_ms, "
        "TIMESTAMPDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', created_at) / 1000000 AS created_s "
        "FROM usage_log");
  }

  static std::string Uri(int port) { return "//analyst@127.0.0.1:" + std::to_string(port) + "/billing"; }
  static Settings Base(const std::string& mapping = Mapping()) {
    return fixture::SourceSettings(Uri(server().port()), mapping, kPasswordEnv);
  }
  static std::string OpenError(const Settings& settings) {
    MysqlConnector connector;
    return fixture::OpenError(connector, settings);
  }
};

TEST_F(MysqlSourceTest, ReadsTheFixtureThroughTheMapping) {
  MysqlConnector connector;
  const Status opened = connector.Open(Base());
  ASSERT_TRUE(opened.ok()) << opened.message();
  fixture::CheckAccounts(connector);
  fixture::CheckAggregates(connector);
  fixture::CheckListEvents(connector);
}

TEST_F(MysqlSourceTest, EpochMsAndEpochSecondsAgree) {
  for (const auto& [column, type] : std::vector<std::pair<std::string, std::string>>{
           {"created_ms", "epoch_ms"}, {"created_s", "epoch_s"}}) {
    const std::string mapping =
        fixture::Replaced(fixture::Replaced(Mapping("usage_times"), "\"created_at\"", "\"" + column + "\""),
                          "\"ts_type\": \"timestamp\"", "\"ts_type\": \"" + type + "\"");
    MysqlConnector connector;
    const Status opened = connector.Open(Base(mapping));
    ASSERT_TRUE(opened.ok()) << type << ": " << opened.message();
    SCOPED_TRACE(type);
    fixture::CheckAggregates(connector);
    fixture::CheckListEvents(connector);
  }
}

TEST_F(MysqlSourceTest, HostileValuesMatchExactlyAndChangeNothing) {
  MysqlConnector connector;
  const Status opened = connector.Open(Base());
  ASSERT_TRUE(opened.ok()) << opened.message();
  fixture::CheckHostileValues(connector, *server().Admin("billing"), "usage_log", "orgs");
}

TEST_F(MysqlSourceTest, MappingMistakesNameTheEntryAtFault) {
  // MariaDB says "in 'SELECT'", MySQL "in 'field list'".
  const std::string typo =
      OpenError(Base(fixture::Replaced(Mapping(), "amount_milli / 1000.0", "amount_mili / 1000.0")));
  EXPECT_TRUE(typo.starts_with(
      "mapping events.columns.credits = \"amount_mili / 1000.0\": Unknown column 'amount_mili' in '"))
      << typo;
  EXPECT_EQ(typo.find('\t'), std::string::npos) << typo;
  EXPECT_EQ(OpenError(Base(Mapping("usage_logs"))),
            "mapping events.table = \"usage_logs\": Table 'billing.usage_logs' doesn't exist");
}

TEST_F(MysqlSourceTest, ConnectionFailuresNameServerAndDatabaseButNotThePassword) {
  MysqlConnector connector;
  fixture::CheckWrongPassword(connector, Base(),
                              "cannot connect to MySQL at 127.0.0.1:" + std::to_string(server().port()) +
                                  ", database 'billing' as user 'analyst': ",
                              "Access denied");

  const int port = fixture::FreeLoopbackPort();
  Settings closed = Base();
  closed["uri"] = Uri(port);
  const std::string refused = OpenError(closed);
  EXPECT_NE(
      refused.find("cannot connect to MySQL at 127.0.0.1:" + std::to_string(port) + ", database 'billing'"),
      std::string::npos)
      << refused;

  ::setenv("CL_TEST_MYSQL_SEMICOLON", "a;b", 1);
  Settings semicolon = Base();
  semicolon["password_env"] = "CL_TEST_MYSQL_SEMICOLON";
  EXPECT_NE(OpenError(semicolon).find("the password may not contain ';'"), std::string::npos);
}

TEST_F(MysqlSourceTest, LongResultsAreStreamedInChunks) {
  fixture::CheckChunkedReading(*server().Admin("billing"), MysqlDialect(), "usage_log");
}

}  // namespace
}  // namespace creditlens::mysql

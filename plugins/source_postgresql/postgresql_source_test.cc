// The PostgreSQL source against a real PostgreSQL 15 server started for this test: a non-canonical
// schema (other table and column names, credits as integer milli-credits, ts as timestamptz) holding
// the shared fixture, read by a login role that may only SELECT.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "connector_checks.h"
#include "fixture_loader.h"
#include "postgresql_connector.h"
#include "postgresql_dialect.h"
#include "postgresql_fixture.h"
#include "result_reader.h"
#include "server_process.h"
#include "server_test.h"
#include "support/temp_dir.h"
#include "usage_fixture.h"

namespace creditlens::postgresql {
namespace {

namespace fixture = sql::testing;

// Spaces, quotes, a semicolon and a comment marker: it must survive the trip to the server intact.
constexpr const char* kPassword = "pa ss'w\"ord;--";
constexpr const char* kPasswordEnv = "CL_TEST_PG_PASSWORD";

std::string Mapping(const std::string& events_table = "billing.usage_log") {
  return fixture::PostgresqlFixtureMapping(events_table);
}

class PostgresqlSourceTest : public fixture::ServerTest<fixture::PostgresqlServer> {
 protected:
  static void SetUpTestSuite() {
    StartServer(
        [](const fixture::PostgresqlServer& server) { fixture::CreatePostgresqlFixture(server, kPassword); });
    ::setenv(kPasswordEnv, kPassword, 1);
  }

  static Settings Base(const std::string& mapping = Mapping()) {
    return fixture::SourceSettings("//analyst@127.0.0.1:" + std::to_string(server().port()) + "/usage",
                                   mapping, kPasswordEnv);
  }
  static std::string OpenError(const Settings& settings) {
    PostgresqlConnector connector;
    return fixture::OpenError(connector, settings);
  }
};

TEST_F(PostgresqlSourceTest, ReadsTheFixtureThroughTheMapping) {
  PostgresqlConnector connector;
  const Status opened = connector.Open(Base());
  ASSERT_TRUE(opened.ok()) << opened.message();
  EXPECT_EQ(connector.Describe().uri_schemes, std::vector<std::string>{"postgresql"});
  fixture::CheckAccounts(connector);
  fixture::CheckAggregates(connector);
  fixture::CheckListEvents(connector);
}

TEST_F(PostgresqlSourceTest, HostileValuesMatchExactlyAndChangeNothing) {
  PostgresqlConnector connector;
  const Status opened = connector.Open(Base());
  ASSERT_TRUE(opened.ok()) << opened.message();
  fixture::CheckHostileValues(connector, *server().Admin("usage"), "billing.usage_log", "billing.orgs");
}

TEST_F(PostgresqlSourceTest, TimestampWithoutZoneEpochMsAndEpochSecondsAgree) {
  for (const auto& [column, type] : std::vector<std::pair<std::string, std::string>>{
           {"created_local", "timestamp"}, {"created_ms", "epoch_ms"}, {"created_s", "epoch_s"}}) {
    const std::string mapping = fixture::Replaced(
        fixture::Replaced(Mapping("billing.usage_times"), "\"created_at\"", "\"" + column + "\""),
        "\"ts_type\": \"timestamp\"", "\"ts_type\": \"" + type + "\"");
    PostgresqlConnector connector;
    const Status opened = connector.Open(Base(mapping));
    ASSERT_TRUE(opened.ok()) << type << ": " << opened.message();
    SCOPED_TRACE(type);
    fixture::CheckAggregates(connector);
    fixture::CheckListEvents(connector);
  }
}

TEST_F(PostgresqlSourceTest, MappingMistakesNameTheEntryAtFault) {
  EXPECT_EQ(
      OpenError(Base(fixture::Replaced(Mapping(), "amount_milli / 1000.0", "amount_mili / 1000.0"))),
      "mapping events.columns.credits = \"amount_mili / 1000.0\": column \"amount_mili\" does not exist");
  EXPECT_EQ(OpenError(Base(Mapping("billing.usage_logs"))),
            "mapping events.table = \"billing.usage_logs\": relation \"billing.usage_logs\" does not exist");
  const std::string text_ts = OpenError(Base(fixture::Replaced(Mapping(), "\"created_at\"", "\"kind\"")));
  EXPECT_NE(text_ts.find("mapping events.columns.ts = \"kind\": "), std::string::npos) << text_ts;
  EXPECT_EQ(OpenError(Base(fixture::Replaced(Mapping(), "\"began\"", "\"begun\""))),
            "mapping accounts.subscriptions.columns.starts_at = \"begun\": column \"begun\" does not exist");
  EXPECT_EQ(OpenError(Base("")),
            "a SQL source needs a column mapping: give --mapping FILE (see docs/source-sql.md)");
  EXPECT_EQ(OpenError(Base("{}")),
            "mapping: events: is required (the table of usage events and its columns)");
}

TEST_F(PostgresqlSourceTest, ConnectionFailuresNameServerAndDatabaseButNotThePassword) {
  PostgresqlConnector connector;
  fixture::CheckWrongPassword(connector, Base(),
                              "cannot connect to PostgreSQL at 127.0.0.1:" + std::to_string(server().port()) +
                                  ", database 'usage' as user 'analyst': ",
                              "password authentication failed");

  Settings closed = Base();
  const int port = sql::testing::FreeLoopbackPort();
  closed["uri"] = "//analyst@127.0.0.1:" + std::to_string(port) + "/usage";
  const std::string refused = OpenError(closed);
  EXPECT_NE(refused.find("cannot connect to PostgreSQL at 127.0.0.1:" + std::to_string(port) +
                         ", database 'usage'"),
            std::string::npos)
      << refused;
  EXPECT_EQ(refused.find(kPassword), std::string::npos) << refused;

  Settings in_uri = Base();
  in_uri["uri"] = "//analyst:secret@127.0.0.1/usage";
  EXPECT_NE(OpenError(in_uri).find("password in the URI is refused"), std::string::npos);
}

TEST_F(PostgresqlSourceTest, PasswordFileAndAccountsFile) {
  creditlens::testing::TempDir dir;
  const auto password = dir.path() / "pw";
  std::ofstream(password) << kPassword << "\n";
  const auto accounts = dir.path() / "accounts.json";
  std::ofstream(accounts) << R"({ "workspaces": [ { "id": "file-ws", "timezone": "Asia/Tokyo",
      "subscriptions": [ { "plan": "core", "starts_at": "2026-01-01T00:00:00Z", "included_credits": 10 } ] } ] })";
  Settings settings = Base(fixture::WithAccountsFile(Mapping(), accounts.string()));
  settings["password_env"] = "CL_TEST_PG_UNSET";
  settings["password_file"] = password.string();
  PostgresqlConnector connector;
  const Status opened = connector.Open(settings);
  ASSERT_TRUE(opened.ok()) << opened.message();
  std::vector<Workspace> workspaces;
  ASSERT_TRUE(connector.LoadAccounts(workspaces).ok());
  ASSERT_EQ(workspaces.size(), 1u);
  EXPECT_EQ(workspaces[0].timezone, "Asia/Tokyo");
  EXPECT_EQ(workspaces[0].subscriptions.at(0).included_credits, 10 * kMicrosPerCredit);
}

TEST_F(PostgresqlSourceTest, LongResultsArePagedThroughACursor) {
  const sql::PostgresqlDialect dialect(sql::PostgresqlDialect::Placeholders::kDollar,
                                       sql::PostgresqlDialect::Paging::kDeclareCursor);
  fixture::CheckChunkedReading(*server().Admin("usage"), dialect, "billing.usage_log");
}

}  // namespace
}  // namespace creditlens::postgresql

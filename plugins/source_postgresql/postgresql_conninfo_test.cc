#include "postgresql_conninfo.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "postgresql_passfile.h"

namespace creditlens::postgresql {
namespace {

TEST(PostgresqlConninfo, QuotesEveryValue) {
  const sql::ServerUri uri = sql::ParseServerUri("//o'neil@db.internal:6432/usage\\db?sslmode=require");
  EXPECT_EQ(PostgresqlConnectionString(uri, std::string("/tmp/pass"), 7),
            "host='db.internal' port='6432' dbname='usage\\\\db' user='o\\'neil' sslmode='require' "
            "connect_timeout='7' passfile='/tmp/pass'");
}

TEST(PostgresqlConninfo, LeavesOutWhatIsNotGiven) {
  EXPECT_EQ(PostgresqlConnectionString(sql::ParseServerUri("[::1]/x?connect_timeout=3"), std::nullopt, 10),
            "host='::1' dbname='x' connect_timeout='3'");
  EXPECT_EQ(PostgresqlConnectionString(sql::ParseServerUri(""), std::nullopt, 10), "connect_timeout='10'");
}

TEST(PostgresqlConninfo, RefusesWhatWouldBreakOrOverrideTheString) {
  EXPECT_THROW(PostgresqlConnectionString(sql::ParseServerUri("h/x?ssl%20mode=1"), std::nullopt, 10),
               std::invalid_argument);
  EXPECT_THROW(PostgresqlConnectionString(sql::ParseServerUri("h/x?passfile=/etc/x"), std::nullopt, 10),
               std::invalid_argument);
  EXPECT_THROW(PostgresqlConnectionString(sql::ParseServerUri("h/usage%20db"), std::nullopt, 10),
               std::invalid_argument);
}

TEST(PostgresqlPassfile, EscapesAndIsRemoved) {
  EXPECT_EQ(PassfileLine("a:b\\c d'"), "*:*:*:*:a\\:b\\\\c d'\n");
  std::string path;
  {
    TemporaryPassfile file("s:cret");
    path = file.path();
    std::stringstream text;
    text << std::ifstream(path).rdbuf();
    EXPECT_EQ(text.str(), "*:*:*:*:s\\:cret\n");
    EXPECT_EQ(std::filesystem::status(path).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace creditlens::postgresql

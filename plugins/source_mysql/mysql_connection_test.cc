#include "mysql_connection.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "mysql_dialect.h"

namespace creditlens::mysql {
namespace {

TEST(MysqlConnection, NamesEveryPartAndUtf8mb4) {
  EXPECT_EQ(MysqlConnectionString(sql::ParseServerUri("//o'neil@db:3307/billing"), std::string("p w'd=x")),
            "host=db;port=3307;user=o'neil;password=p w'd=x;db=billing;character-set=utf8mb4");
  EXPECT_EQ(MysqlConnectionString(sql::ParseServerUri("u@"), std::nullopt),
            "host=localhost;port=3306;user=u;character-set=utf8mb4");
}

TEST(MysqlConnection, RefusesWhatPocoCannotPass) {
  EXPECT_THROW(MysqlConnectionString(sql::ParseServerUri("u@db/x"), std::string("a;b")),
               std::invalid_argument);
  EXPECT_THROW(MysqlConnectionString(sql::ParseServerUri("u@db/x%3By"), std::nullopt), std::invalid_argument);
  EXPECT_THROW(MysqlConnectionString(sql::ParseServerUri("u@db/x?ssl=1"), std::nullopt),
               std::invalid_argument);
}

TEST(MysqlDialect, TimeArithmeticInMicroseconds) {
  const MysqlDialect dialect;
  EXPECT_EQ(
      dialect.EpochMs(mapping::TsType::kTimestamp, "created_at"),
      "CAST((TIMESTAMPDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', created_at) DIV 1000) AS SIGNED)");
  EXPECT_EQ(dialect.TimeFromEpochMs(mapping::TsType::kTimestamp, "?"),
            "TIMESTAMPADD(MICROSECOND, CAST((?) AS SIGNED) * 1000, TIMESTAMP '1970-01-01 00:00:00')");
  EXPECT_EQ(dialect.BucketStartMs(TimeBucket::kQuarterHourUtc, "t"),
            "(CAST((t) AS SIGNED) DIV 900000) * 900000");
}

}  // namespace
}  // namespace creditlens::mysql

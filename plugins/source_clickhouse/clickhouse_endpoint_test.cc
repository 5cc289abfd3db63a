#include "clickhouse_endpoint.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace creditlens::clickhouse {
namespace {

Settings WithUri(const std::string& uri) {
  return {{"uri", uri}, {"password_env", "CREDITLENS_TEST_CH_PASSWORD"}, {"password_file", ""}};
}

TEST(ClickHouseEndpoint, ReadsUserHostPortDatabaseAndPassword) {
  ::setenv("CREDITLENS_TEST_CH_PASSWORD", "from-env", 1);
  const Endpoint e = EndpointFromSettings(WithUri("//reporter@ch.internal:18123/billing"));
  ::unsetenv("CREDITLENS_TEST_CH_PASSWORD");
  EXPECT_EQ(e.user, "reporter");
  EXPECT_EQ(e.host, "ch.internal");
  EXPECT_EQ(e.port, 18123);
  EXPECT_EQ(e.database, "billing");
  EXPECT_EQ(e.password, "from-env");
  EXPECT_EQ(e.Address(), "ch.internal:18123");
}

TEST(ClickHouseEndpoint, FillsClickHouseDefaults) {
  const Endpoint e = EndpointFromSettings(WithUri("//"));
  EXPECT_EQ(e.Address(), "localhost:8123");
  EXPECT_EQ(e.user, "default");
  EXPECT_EQ(e.database, "default");
  EXPECT_EQ(e.password, "");
  EXPECT_EQ(EndpointFromSettings(WithUri("//[::1]:9/db")).Address(), "[::1]:9");
}

TEST(ClickHouseEndpoint, RefusesPasswordsAndOptions) {
  EXPECT_THROW(EndpointFromSettings(WithUri("//reporter:hunter2@host/db")), std::invalid_argument);
  EXPECT_THROW(EndpointFromSettings(WithUri("//host/db?readonly=0")), std::invalid_argument);
}

}  // namespace
}  // namespace creditlens::clickhouse

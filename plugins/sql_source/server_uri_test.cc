#include "server_uri.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace creditlens::sql {
namespace {

TEST(ServerUri, ReadsUserHostPortDatabaseAndOptions) {
  const ServerUri uri =
      ParseServerUri("//analyst@db.internal:6432/billing?sslmode=require&application_name=cl");
  EXPECT_EQ(uri.user, "analyst");
  EXPECT_EQ(uri.host, "db.internal");
  EXPECT_EQ(uri.port, 6432);
  EXPECT_EQ(uri.database, "billing");
  ASSERT_EQ(uri.options.size(), 2u);
  EXPECT_EQ(uri.options[0], (std::pair<std::string, std::string>("sslmode", "require")));
  EXPECT_EQ(uri.options[1].second, "cl");
  EXPECT_EQ(uri.Address("localhost", 5432), "db.internal:6432");
}

TEST(ServerUri, PartsAreOptionalAndDecoded) {
  const ServerUri bare = ParseServerUri("db");
  EXPECT_EQ(bare.host, "db");
  EXPECT_FALSE(bare.port.has_value());
  EXPECT_EQ(bare.Address("localhost", 3306), "db:3306");
  const ServerUri encoded = ParseServerUri("ops%40corp@[::1]:5433/usage%20db");
  EXPECT_EQ(encoded.user, "ops@corp");
  EXPECT_EQ(encoded.host, "::1");
  EXPECT_EQ(encoded.port, 5433);
  EXPECT_EQ(encoded.database, "usage db");
  EXPECT_EQ(encoded.Address("localhost", 5432), "[::1]:5433");
  EXPECT_EQ(ParseServerUri("u@/db").Address("localhost", 5432), "localhost:5432");
}

std::string ErrorOf(const std::string& text) {
  try {
    ParseServerUri(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ServerUri, RefusesPasswordsWithoutEchoingThem) {
  const std::string in_userinfo = ErrorOf("bob:s3cret@db/x");
  EXPECT_NE(in_userinfo.find("password in the URI is refused"), std::string::npos);
  EXPECT_EQ(in_userinfo.find("s3cret"), std::string::npos);
  const std::string in_option = ErrorOf("bob@db/x?password=s3cret");
  EXPECT_NE(in_option.find("password in the URI is refused"), std::string::npos);
  EXPECT_EQ(in_option.find("s3cret"), std::string::npos);
}

TEST(ServerUri, RefusesBadPortsAndOptions) {
  EXPECT_EQ(ErrorOf("db:99999/x"), "source URI: port '99999' is not a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("db:/x"), "source URI: port '' is not a number from 1 to 65535");
  EXPECT_EQ(ErrorOf("db/x?sslmode"), "source URI: option 'sslmode' is not key=value");
  EXPECT_EQ(ErrorOf("[::1/x"), "source URI: unclosed '[' in the host");
  EXPECT_EQ(ErrorOf("db/x%zz"), "source URI: bad percent escape in 'x%zz'");
}

}  // namespace
}  // namespace creditlens::sql

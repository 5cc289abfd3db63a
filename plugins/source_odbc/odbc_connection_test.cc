#include "odbc_connection.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace creditlens::odbc {
namespace {

TEST(OdbcConnection, ParsesBracedValues) {
  const auto pairs = ParseOdbcAttributes("Driver={PostgreSQL Unicode};Server=db; Port = 5432;X={a;b}}c};");
  ASSERT_EQ(pairs.size(), 4u);
  EXPECT_EQ(pairs[0].second, "PostgreSQL Unicode");
  EXPECT_EQ(pairs[2], (std::pair<std::string, std::string>("Port", "5432")));
  EXPECT_EQ(pairs[3].second, "a;b}c");
  EXPECT_THROW(ParseOdbcAttributes("Driver={x"), std::invalid_argument);
  EXPECT_THROW(ParseOdbcAttributes("DSN=x;junk"), std::invalid_argument);
}

TEST(OdbcConnection, AppendsTheEscapedPassword) {
  EXPECT_EQ(OdbcConnectionString("DSN=usage;", std::string("p;w}d")),
            "DSN=usage;UseDeclareFetch=1;Fetch=10000;PWD={p;w}}d}");
  EXPECT_EQ(OdbcConnectionString("DSN=usage;usedeclarefetch=0", std::nullopt), "DSN=usage;usedeclarefetch=0");
}

TEST(OdbcConnection, RefusesAPasswordInTheString) {
  EXPECT_THROW(OdbcConnectionString("DSN=x;pwd=secret", std::nullopt), std::invalid_argument);
  EXPECT_THROW(OdbcConnectionString("DSN=x;Password={s}", std::string("y")), std::invalid_argument);
  try {
    OdbcConnectionString("DSN=x;PWD=secret", std::nullopt);
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos);
  }
}

}  // namespace
}  // namespace creditlens::odbc

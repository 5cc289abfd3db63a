#include "source_password.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/temp_dir.h"

namespace creditlens::sql {
namespace {

TEST(SourcePassword, FileWinsAndOnlyItsFirstLineCounts) {
  testing::TempDir dir;
  const auto path = dir.path() / "pw";
  std::ofstream(path) << "first line\r\nsecond\n";
  ::setenv("CL_TEST_PW", "from env", 1);
  EXPECT_EQ(ReadSourcePassword({{"password_file", path.string()}, {"password_env", "CL_TEST_PW"}}),
            "first line");
  EXPECT_EQ(ReadSourcePassword({{"password_file", ""}, {"password_env", "CL_TEST_PW"}}), "from env");
  ::unsetenv("CL_TEST_PW");
  EXPECT_EQ(ReadSourcePassword({{"password_file", ""}, {"password_env", "CL_TEST_PW"}}), std::nullopt);
  EXPECT_THROW(ReadSourcePassword({{"password_file", (dir.path() / "missing").string()}}),
               std::runtime_error);
}

TEST(SourcePassword, RedactHidesEveryOccurrence) {
  EXPECT_EQ(Redact("auth pw1 failed for pw1", std::string("pw1")), "auth *** failed for ***");
  EXPECT_EQ(Redact("nothing", std::nullopt), "nothing");
  EXPECT_EQ(Redact("aaaa", std::string("a")), "************");
}

TEST(SourcePassword, SettingsAreDeclared) {
  const auto settings = SqlSourceSettings("//user@host:5432/db");
  ASSERT_GE(settings.size(), 4u);
  EXPECT_EQ(settings[0].name, "uri");
  EXPECT_EQ(settings[2].default_value, "CREDITLENS_SOURCE_PASSWORD");
}

}  // namespace
}  // namespace creditlens::sql

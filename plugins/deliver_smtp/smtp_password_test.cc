#include "smtp_password.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <stdexcept>

#include "support/temp_dir.h"

namespace creditlens::smtp {
namespace {

TEST(SmtpPasswordTest, FileWinsOverEnvironmentAndLosesItsLineEnd) {
  testing::TempDir dir;
  const auto file = dir.path() / "password";
  std::ofstream(file) << "s3cret pass\r\nsecond line\n";
  setenv(kPasswordEnvironmentVariable, "from-env", 1);
  EXPECT_EQ(LoadPassword(file.string()), "s3cret pass");
  EXPECT_EQ(LoadPassword(""), "from-env");
  unsetenv(kPasswordEnvironmentVariable);
  EXPECT_EQ(LoadPassword(""), "");
}

TEST(SmtpPasswordTest, UnreadableFileIsAnError) {
  EXPECT_THROW(LoadPassword("/nonexistent/password"), std::runtime_error);
}

}  // namespace
}  // namespace creditlens::smtp

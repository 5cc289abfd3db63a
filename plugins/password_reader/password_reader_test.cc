#include "password_reader.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "support/temp_dir.h"

namespace creditlens::password {
namespace {

TEST(PasswordReader, FileWinsAndOnlyItsFirstLineCountsWithoutItsLineEnd) {
  testing::TempDir dir;
  const auto path = dir.path() / "pw";
  std::ofstream(path) << "first line\r\nsecond\n";
  ::setenv("CL_TEST_READER_PW", "from env", 1);
  EXPECT_EQ(ReadPassword(path.string(), "CL_TEST_READER_PW", "unused"), "first line");
  EXPECT_EQ(ReadPassword("", "CL_TEST_READER_PW", "unused"), "from env");
  ::setenv("CL_TEST_READER_PW", "", 1);
  EXPECT_EQ(ReadPassword("", "CL_TEST_READER_PW", "unused"), std::nullopt);
  ::unsetenv("CL_TEST_READER_PW");
  EXPECT_EQ(ReadPassword("", "CL_TEST_READER_PW", "unused"), std::nullopt);
  EXPECT_EQ(ReadPassword("", "", "unused"), std::nullopt);
}

TEST(PasswordReader, AnEmptyFileIsAnEmptyPassword) {
  testing::TempDir dir;
  const auto path = dir.path() / "empty";
  std::ofstream(path).flush();
  EXPECT_EQ(ReadPassword(path.string(), "", "unused"), "");
}

TEST(PasswordReader, AnUnreadableFileThrowsTheCallersMessage) {
  try {
    ReadPassword("/nonexistent/pw", "", "password_file '/nonexistent/pw': cannot be read");
    ADD_FAILURE() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "password_file '/nonexistent/pw': cannot be read");
  }
}

}  // namespace
}  // namespace creditlens::password

#include "text_file_name.h"

#include <gtest/gtest.h>

#include "atomic_directory.h"

namespace creditlens::file {
namespace {

TEST(TextFileNameTest, KeepsUtf8AndReplacesSlashesAndControlCharacters) {
  EXPECT_EQ(TextFileName("März: 3/2026 report"), "März: 3_2026 report.txt");
  EXPECT_EQ(TextFileName("a\\b\tc\nd"), "a_b_c_d.txt");
}

TEST(TextFileNameTest, NeverHiddenNeverDotDotNeverEmpty) {
  EXPECT_EQ(TextFileName("../../etc/passwd"), "_._etc_passwd.txt");
  EXPECT_EQ(TextFileName(" .profile. "), "profile.txt");
  EXPECT_EQ(TextFileName("wait..."), "wait.txt");
  EXPECT_EQ(TextFileName("v1..2"), "v1.2.txt");
  EXPECT_EQ(TextFileName(""), "delivery.txt");
  EXPECT_EQ(TextFileName(" .. "), "delivery.txt");
  for (const char* subject : {"../../etc/passwd", "a..b", "x/..", "...", "/"}) {
    EXPECT_EQ(FileNameProblem(TextFileName(subject)), "") << subject;
  }
}

TEST(TextFileNameTest, CutsLongSubjectsOnACharacterBoundary) {
  std::string subject;
  for (int i = 0; i < 150; ++i) subject += "ä";  // two bytes each
  const std::string name = TextFileName("x" + subject);
  EXPECT_EQ(name, "x" + subject.substr(0, 198) + ".txt");
}

}  // namespace
}  // namespace creditlens::file

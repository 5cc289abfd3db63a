#include "atomic_directory.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <set>

#include "deliverer_test_support.h"
#include "support/temp_dir.h"

namespace creditlens::file {
namespace {

using testing::Listing;
using testing::ReadFile;
using testing::TempDir;

DeliveryAttachment Attachment(std::string name, std::string content) {
  return {std::move(name), "application/octet-stream", std::move(content), ""};
}

TEST(FileNameProblemTest, PlainNamesPassOthersAreNamed) {
  EXPECT_EQ(FileNameProblem("März report.pdf"), "");
  EXPECT_EQ(FileNameProblem(".hidden"), "");
  EXPECT_NE(FileNameProblem(""), "");
  EXPECT_NE(FileNameProblem("."), "");
  EXPECT_NE(FileNameProblem("a/b.pdf").find("'a/b.pdf'"), std::string::npos);
  EXPECT_NE(FileNameProblem("..").find("'..'"), std::string::npos);
  EXPECT_NE(FileNameProblem("x..pdf"), "");
  EXPECT_NE(FileNameProblem(std::string("a\0b", 3)), "");
}

TEST(ClassifyWriteErrorTest, FullDiskAndIoErrorsAreTransient) {
  EXPECT_EQ(ClassifyWriteError(ENOSPC), DeliveryFailure::kTransient);
  EXPECT_EQ(ClassifyWriteError(EDQUOT), DeliveryFailure::kTransient);
  EXPECT_EQ(ClassifyWriteError(EIO), DeliveryFailure::kTransient);
  EXPECT_EQ(ClassifyWriteError(ENOENT), DeliveryFailure::kPermanent);
  EXPECT_EQ(ClassifyWriteError(EACCES), DeliveryFailure::kPermanent);
  EXPECT_EQ(ClassifyWriteError(EROFS), DeliveryFailure::kPermanent);
}

TEST(AtomicDirectoryTest, WritesTheFileAndLeavesNoTemporaryFile) {
  TempDir dir;
  const AtomicDirectory directory(dir.path(), false);
  const std::string bytes("%PDF\0\xff binary", 13);
  ASSERT_TRUE(directory.Write("report.pdf", bytes).ok());
  EXPECT_EQ(ReadFile(dir / "report.pdf"), bytes);
  EXPECT_EQ(Listing(dir.path()), std::set<std::string>{"report.pdf"});
}

TEST(AtomicDirectoryTest, RewritingReplacesTheFileInsteadOfOverwritingItInPlace) {
  TempDir dir;
  const AtomicDirectory directory(dir.path(), false);
  ASSERT_TRUE(directory.Write("report.pdf", "old version").ok());
  std::filesystem::create_hard_link(dir / "report.pdf", dir / "reader-holds");
  ASSERT_TRUE(directory.Write("report.pdf", "new").ok());
  EXPECT_EQ(ReadFile(dir / "report.pdf"), "new");
  // A reader holding the old file still sees it whole: the new one is a different file renamed over it.
  EXPECT_EQ(ReadFile(dir / "reader-holds"), "old version");
  EXPECT_EQ(Listing(dir.path()), (std::set<std::string>{"reader-holds", "report.pdf"}));
}

TEST(AtomicDirectoryTest, AFailedRenameRemovesItsTemporaryFile) {
  TempDir dir;
  dir.Write("report.pdf/inside", "a directory is in the way");
  const AtomicDirectory directory(dir.path(), false);
  const DeliveryResult result = directory.Write("report.pdf", "bytes");
  EXPECT_EQ(result.failure(), DeliveryFailure::kPermanent);
  EXPECT_NE(result.message().find("'report.pdf'"), std::string::npos) << result.message();
  EXPECT_EQ(Listing(dir.path()), std::set<std::string>{"report.pdf"});
}

TEST(AtomicDirectoryTest, AVanishedDirectoryIsPermanent) {
  TempDir dir;
  const AtomicDirectory directory(dir / "out", true);
  std::filesystem::remove(dir / "out");
  const DeliveryResult result = directory.Write("report.pdf", "bytes");
  EXPECT_EQ(result.failure(), DeliveryFailure::kPermanent);
  EXPECT_NE(result.message().find("No such file or directory"), std::string::npos) << result.message();
}

TEST(AtomicDirectoryTest, CreatesParentsOnlyWhenAsked) {
  TempDir dir;
  EXPECT_THROW(AtomicDirectory(dir / "a/b", false), std::invalid_argument);
  EXPECT_FALSE(std::filesystem::exists(dir / "a"));
  AtomicDirectory(dir / "a/b", true);
  EXPECT_TRUE(std::filesystem::is_directory(dir / "a/b"));
  dir.Write("file", "x");
  EXPECT_THROW(AtomicDirectory(dir / "file", false), std::invalid_argument);
  EXPECT_THROW(AtomicDirectory("", true), std::invalid_argument);
}

TEST(AtomicDirectoryTest, ARefusedOrRepeatedNameWritesNothing) {
  TempDir dir;
  const AtomicDirectory directory(dir.path(), false);
  const DeliveryResult bad = directory.WriteAttachments({Attachment("ok.pdf", "1"), Attachment("../x", "2")});
  EXPECT_EQ(bad.failure(), DeliveryFailure::kPermanent);
  EXPECT_NE(bad.message().find("'../x'"), std::string::npos) << bad.message();
  const DeliveryResult twice =
      directory.WriteAttachments({Attachment("a.pdf", "1"), Attachment("a.pdf", "2")});
  EXPECT_EQ(twice.failure(), DeliveryFailure::kPermanent);
  EXPECT_NE(twice.message().find("'a.pdf'"), std::string::npos) << twice.message();
  EXPECT_TRUE(Listing(dir.path()).empty());
}

TEST(AtomicDirectoryTest, WritesEveryAttachment) {
  TempDir dir;
  const AtomicDirectory directory(dir.path(), false);
  ASSERT_TRUE(directory.WriteAttachments({Attachment("a.pdf", "1"), Attachment("b.png", "22")}).ok());
  EXPECT_EQ(ReadFile(dir / "a.pdf"), "1");
  EXPECT_EQ(ReadFile(dir / "b.png"), "22");
  EXPECT_EQ(Listing(dir.path()), (std::set<std::string>{"a.pdf", "b.png"}));
}

}  // namespace
}  // namespace creditlens::file

// Tests for finding a file a report names: relative names only, no '..', no link out of the search
// path, the first directory that holds it, and an error listing where it looked.
#include "script/asset_path.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "support/temp_dir.h"

namespace creditlens::script {
namespace {

namespace fs = std::filesystem;

std::string ErrorOf(const std::string& name, const std::vector<fs::path>& search_path) {
  try {
    FindAsset(name, search_path);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(AssetPathTest, FindsTheFileInTheFirstDirectoryThatHasIt) {
  const creditlens::testing::TempDir dir;
  dir.Write("scripts/keep.txt", "");
  const fs::path report_copy = dir.Write("report/img/logo.png", "r");
  dir.Write("lib/img/logo.png", "l");
  const std::vector<fs::path> search = {dir / "scripts", dir / "report", dir / "lib"};
  EXPECT_EQ(FindAsset("img/logo.png", search), fs::canonical(report_copy));
  EXPECT_EQ(FindAsset("./img/logo.png", search), fs::canonical(report_copy));
}

TEST(AssetPathTest, RefusesAbsoluteNamesAndParentParts) {
  const creditlens::testing::TempDir dir;
  const fs::path logo = dir.Write("logo.png", "x");
  const std::vector<fs::path> search = {dir / "report"};
  dir.Write("report/x.txt", "");
  EXPECT_NE(ErrorOf(logo.string(), search).find("is an absolute path"), std::string::npos);
  EXPECT_NE(ErrorOf("../logo.png", search).find("'..'"), std::string::npos);
  EXPECT_NE(ErrorOf("sub/../../logo.png", search).find("'..'"), std::string::npos);
  EXPECT_NE(ErrorOf("", search).find("expected the name of a file"), std::string::npos);
}

TEST(AssetPathTest, MissingFileListsWhereItLooked) {
  const creditlens::testing::TempDir dir;
  const std::string message = ErrorOf("logo.png", {dir / "a", dir / "b"});
  EXPECT_NE(message.find("'logo.png' not found"), std::string::npos) << message;
  EXPECT_NE(message.find((dir / "a" / "logo.png").string()), std::string::npos) << message;
  EXPECT_NE(message.find((dir / "b" / "logo.png").string()), std::string::npos) << message;
}

TEST(AssetPathTest, RefusesALinkLeadingOutOfTheSearchPath) {
  const creditlens::testing::TempDir dir;
  const fs::path secret = dir.Write("outside/secret.png", "s");
  dir.Write("report/keep.txt", "");
  fs::create_symlink(secret, dir / "report" / "logo.png");
  const std::string message = ErrorOf("logo.png", {dir / "report"});
  EXPECT_NE(message.find("link to a file outside"), std::string::npos) << message;
}

}  // namespace
}  // namespace creditlens::script

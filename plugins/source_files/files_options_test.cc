#include "files_options.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "test_support.h"

namespace creditlens::files {
namespace {

using testing::DeclaredSettings;

std::string ErrorOf(const Settings& settings) {
  return testing::ErrorOf([&] { ReadFilesOptions(settings); });
}

TEST(ParseFilesUri, SplitsThePathFromQuerySettings) {
  const FilesUri uri = ParseFilesUri("/data/export.csv?focus_credit_price=0.01&accounts=/a%20b/acc.json&");
  EXPECT_EQ(uri.path, "/data/export.csv");
  EXPECT_EQ(uri.settings, (std::map<std::string, std::string>{{"accounts", "/a b/acc.json"},
                                                              {"focus_credit_price", "0.01"}}));
  EXPECT_TRUE(ParseFilesUri("relative/dir").settings.empty());
}

TEST(ParseFilesUri, TakesAnExistingPathWithAQuestionMarkAsItIs) {
  creditlens::testing::TempDir dir;
  const auto file = dir.Write("what?.csv", "");
  EXPECT_EQ(ParseFilesUri(file.string()).path, file.string());
}

TEST(ParseFilesUri, RefusesUnknownOrMalformedSettings) {
  EXPECT_THROW(ParseFilesUri("x.csv?price=1"), std::invalid_argument);
  EXPECT_THROW(ParseFilesUri("x.csv?focus_credit_price"), std::invalid_argument);
  EXPECT_THROW(ParseFilesUri("x.csv?accounts=%2"), std::invalid_argument);
  EXPECT_THROW(ParseFilesUri("x.csv?accounts=%zz"), std::invalid_argument);
}

TEST(ReadFilesOptions, UriSettingsWinOverDeclaredOnes) {
  Settings settings = DeclaredSettings("x.csv?focus_credit_price=0.003&focus_cost_column=EffectiveCost");
  settings["focus_credit_price"] = "0.5";
  settings["accounts"] = "/etc/accounts.json";
  const FilesOptions options = ReadFilesOptions(settings);
  EXPECT_EQ(options.path, "x.csv");
  EXPECT_EQ(options.accounts, "/etc/accounts.json");
  EXPECT_TRUE(options.focus.priced());
  EXPECT_EQ(options.focus.credit_price_text, "0.003");
  EXPECT_EQ(static_cast<long long>(options.focus.credit_price.digits), 3000);
  EXPECT_EQ(options.focus.credit_price.exponent, -6);
  EXPECT_EQ(options.focus.cost_column, "EffectiveCost");
  EXPECT_FALSE(ReadFilesOptions(DeclaredSettings("x.csv")).focus.priced());
}

TEST(ReadFilesOptions, ChecksEverySetting) {
  EXPECT_EQ(ErrorOf(DeclaredSettings("")), "no file or directory given (expected --source files:PATH)");
  EXPECT_EQ(
      ErrorOf(DeclaredSettings("x.csv?focus_credit_price=0")),
      "setting 'focus_credit_price': expected dollars per credit, a decimal > 0 with at most 6 decimals "
      "like 0.01, got '0'");
  EXPECT_NE(ErrorOf(DeclaredSettings("x.csv?focus_credit_price=0.0000001")), "no error");
  EXPECT_NE(ErrorOf(DeclaredSettings("x.csv?focus_credit_price=1e-2")), "no error");
  EXPECT_EQ(
      ErrorOf(DeclaredSettings("x.csv?focus_cost_column=Cost")),
      "setting 'focus_cost_column': expected one of BilledCost, EffectiveCost, ListCost, ContractedCost, "
      "got 'Cost'");
}

}  // namespace
}  // namespace creditlens::files

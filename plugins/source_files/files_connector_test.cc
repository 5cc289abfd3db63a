#include "files_connector.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"
#include "test_support.h"

namespace creditlens::files {
namespace {

using testing::FocusRow;
using testing::kFocusHeader;

constexpr std::int64_t kSep18At22 = 1'726'696'800'000;  // 2024-09-18T22:00:00Z
constexpr std::int64_t kHour = 3'600'000;

class FilesConnectorTest : public ::testing::Test {
 protected:
  Status Open(const std::string& uri) { return connector_.Open(testing::DeclaredSettings(uri)); }
  creditlens::testing::TempDir dir_;
  FilesConnector connector_;
};

TEST_F(FilesConnectorTest, DescribesItsSchemeAndSettings) {
  const ConnectorInfo info = connector_.Describe();
  EXPECT_EQ(info.name, "files");
  EXPECT_EQ(info.uri_schemes, std::vector<std::string>{"files"});
  std::vector<std::string> names;
  for (const SettingSpec& spec : info.settings) names.push_back(spec.name);
  EXPECT_EQ(names, (std::vector<std::string>{"uri", "accounts", "focus_credit_price", "focus_cost_column"}));
}

TEST_F(FilesConnectorTest, AnswersFromAFocusExport) {
  const auto file =
      dir_.Write("focus.csv", std::string(kFocusHeader) +
                                  FocusRow("0.03", "Usage", "2024-09-18 22:00:00", "1", "111", "SQS") +
                                  FocusRow("0.01", "Usage", "2024-09-18 22:59:59", "2", "222", "SQS") +
                                  FocusRow("0.01", "Usage", "2024-09-18 23:00:00", "3", "111", "EC2"));
  const Status opened = Open(file.string() + "?focus_credit_price=0.03");
  ASSERT_TRUE(opened.ok()) << opened.message();
  std::vector<Workspace> workspaces;
  ASSERT_TRUE(connector_.LoadAccounts(workspaces).ok());
  ASSERT_EQ(workspaces.size(), 2u);
  EXPECT_EQ(workspaces[1].id, "222");
  EXPECT_EQ(workspaces[1].price_per_credit, "0.03");

  std::vector<AggregateRow> rows;
  ASSERT_TRUE(connector_
                  .Aggregate({kSep18At22,
                              kSep18At22 + 2 * kHour,
                              {{Dimension::kWorkspace, {"111"}}},
                              {Dimension::kFeature},
                              TimeBucket::kHourUtc},
                             rows)
                  .ok());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].bucket_start_ms, kSep18At22);
  EXPECT_EQ(rows[0].keys, std::vector<std::string>{"SQS"});
  EXPECT_EQ(rows[0].credits, 1'000'000);  // 0.03 / 0.03
  EXPECT_EQ(rows[1].credits, 333'333);    // 0.01 / 0.03

  int listed = 0;
  ASSERT_TRUE(connector_
                  .ListEvents({kSep18At22, kSep18At22 + kHour, {}},
                              [&](const UsageEvent&) {
                                ++listed;
                                return true;
                              })
                  .ok());
  EXPECT_EQ(listed, 2);
}

TEST_F(FilesConnectorTest, AFailedOpenLoadsNothingAndKeepsWhatWasOpen) {
  const auto good = dir_.Write("good.csv",
                               "id,ts,workspace_id,category,feature,credits\n"
                               "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\n");
  const auto bad = dir_.Write("bad.csv",
                              "id,ts,workspace_id,category,feature,credits\n"
                              "e1,2026-03-01T12:00:00Z,ws1,deploy,ocr,1\n"
                              "e2,2026-03-01T12:00:00,ws1,deploy,ocr,1\n");
  std::vector<Workspace> workspaces;
  EXPECT_FALSE(connector_.LoadAccounts(workspaces).ok());  // not open yet
  const Status failed = Open(bad.string());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.message(), bad.string() +
                                  ":3: field 'ts': expected an ISO-8601 timestamp with offset, like "
                                  "2026-03-01T12:00:00.250Z, got '2026-03-01T12:00:00'");
  EXPECT_FALSE(connector_.LoadAccounts(workspaces).ok());

  ASSERT_TRUE(Open(good.string()).ok());
  ASSERT_FALSE(Open(bad.string()).ok());
  ASSERT_TRUE(connector_.LoadAccounts(workspaces).ok());
  EXPECT_EQ(workspaces.size(), 1u);
}

}  // namespace
}  // namespace creditlens::files

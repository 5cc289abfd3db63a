#include "column_mapping.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace creditlens::mapping {
namespace {

constexpr const char* kEventsOnly =
    R"("events": { "table": "billing.usage_log", "ts_type": "epoch_ms",
                   "columns": { "id": "event_uuid", "ts": "created_at", "workspace_id": "org_id",
                                "category": "kind", "feature": "feature_name",
                                "credits": "amount_milli / 1000.0", "folder": "folder_path" } })";

std::string WithAccounts(const std::string& accounts) {
  return std::string("{") + kEventsOnly + R"(, "accounts": )" + accounts + "}";
}

// The message ParseSourceMapping throws for text, or "" when it parses.
std::string ErrorOf(const std::string& text) {
  try {
    ParseSourceMapping(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(ColumnMapping, ReadsEventsAndAccountsFile) {
  const SourceMapping m = ParseSourceMapping(WithAccounts(R"({ "file": "/data/accounts.json" })"));
  EXPECT_EQ(m.events.table, "billing.usage_log");
  EXPECT_EQ(m.events.ts_type, TsType::kEpochMs);
  EXPECT_EQ(m.events.At("credits"), "amount_milli / 1000.0");
  ASSERT_NE(m.events.Find("folder"), nullptr);
  EXPECT_EQ(*m.events.Find("folder"), "folder_path");
  EXPECT_EQ(m.events.Find("api_key"), nullptr);
  EXPECT_EQ(m.events.EntryPath("credits"), "events.columns.credits");
  ASSERT_EQ(m.events.columns.size(), 7u);
  EXPECT_EQ(m.events.columns.front().field, "id");  // in the data contract's order
  EXPECT_EQ(m.events.columns.back().field, "folder");
  EXPECT_TRUE(m.accounts.from_file());
  EXPECT_EQ(m.accounts.file, "/data/accounts.json");
}

TEST(ColumnMapping, ReadsAccountTables) {
  const SourceMapping m = ParseSourceMapping(WithAccounts(R"({
      "workspaces": { "table": "orgs", "columns": { "id": "org_id", "timezone": "tz" } },
      "credit_grants": { "table": "bundles", "ts_type": "epoch_s",
                         "columns": { "workspace_id": "org", "id": "bundle_id", "credits": "amount",
                                      "available_from": "valid_from" } } })"));
  EXPECT_FALSE(m.accounts.from_file());
  EXPECT_EQ(m.accounts.workspaces.table, "orgs");
  EXPECT_EQ(m.accounts.workspaces.At("timezone"), "tz");
  EXPECT_EQ(m.accounts.workspaces.ts_type, TsType::kTimestamp);
  EXPECT_TRUE(m.accounts.subscriptions.table.empty());
  EXPECT_EQ(m.accounts.credit_grants.ts_type, TsType::kEpochS);
  EXPECT_EQ(m.accounts.credit_grants.EntryPath("credits"), "accounts.credit_grants.columns.credits");
}

TEST(ColumnMapping, AcceptsCommentsAndNullOptionalColumns) {
  const SourceMapping m = ParseSourceMapping(R"({ // operator notes
      "events": { "table": "t", "columns": { "id": "a", "ts": "b", "workspace_id": "c",
                  "category": "d", "feature": "e", "credits": "f", "folder": null } },
      "accounts": { "file": "a.json" }, })");
  EXPECT_EQ(m.events.Find("folder"), nullptr);
  EXPECT_EQ(m.events.columns.size(), 6u);
}

TEST(ColumnMapping, NamesTheEntryOfAValueOfTheWrongType) {
  EXPECT_EQ(ErrorOf(R"({ "events": { "table": "t", "columns": { "id": "a", "ts": "b", "workspace_id": "c",
                        "category": "d", "feature": "e", "credits": 12 } }, "accounts": { "file": "x" } })"),
            "mapping: events.columns.credits: expected a column or SQL expression (a string), got 12");
}

TEST(ColumnMapping, NamesAMissingRequiredColumn) {
  EXPECT_EQ(ErrorOf(R"({ "events": { "table": "t", "columns": { "id": "a", "ts": "b", "workspace_id": "c",
                        "category": "d", "credits": "e" } }, "accounts": { "file": "x" } })"),
            "mapping: events.columns.feature: is required (a column or SQL expression)");
}

TEST(ColumnMapping, RefusesUnknownEntries) {
  EXPECT_EQ(
      ErrorOf(R"({ "events": { "table": "t", "columns": { "id": "a", "ts": "b", "workspace_id": "c",
                        "category": "d", "feature": "e", "credit": "f" } }, "accounts": { "file": "x" } })"),
      "mapping: events.columns.credit: unknown field (expected one of id, ts, workspace_id, category, "
      "feature, credits, folder, api_key, user_id, source, run_id, module, quantity, unit, data_bytes)");
  EXPECT_EQ(ErrorOf(WithAccounts(R"({ "file": "x" }, "extra": 1)")),
            "mapping: extra: unknown entry (expected one of events, accounts)");
  EXPECT_EQ(ErrorOf(WithAccounts(R"({ "file": "x", "workspaces": {} })")),
            "mapping: accounts.workspaces: unknown entry (expected one of file)");
  EXPECT_NE(ErrorOf(WithAccounts(R"({ "workspaces": { "table": "w", "colums": {} } })"))
                .find("mapping: accounts.workspaces.colums: unknown entry"),
            std::string::npos);
}

TEST(ColumnMapping, RefusesBadTablesTsTypesAndShapes) {
  EXPECT_EQ(ErrorOf(R"({ "events": { "columns": {} }, "accounts": { "file": "x" } })"),
            "mapping: events.table: is required (the table or view to read)");
  EXPECT_EQ(ErrorOf(R"({ "events": { "table": " ", "columns": {} }, "accounts": { "file": "x" } })"),
            "mapping: events.table: expected a table name, got \"\"");
  EXPECT_EQ(ErrorOf(R"({ "events": { "table": "t", "ts_type": "date", "columns": {} }, "accounts": {} })"),
            "mapping: events.ts_type: expected timestamp, epoch_ms or epoch_s, got \"date\"");
  EXPECT_EQ(ErrorOf(R"({ "events": [], "accounts": {} })"), "mapping: events: expected an object, got []");
  EXPECT_EQ(ErrorOf(R"({ "accounts": {} })"),
            "mapping: events: is required (the table of usage events and its columns)");
  EXPECT_EQ(ErrorOf(R"({ "events": {} })"),
            "mapping: accounts: is required ({\"file\": ...} or the workspaces table mapping)");
  EXPECT_EQ(
      ErrorOf(WithAccounts("{}")),
      "mapping: accounts: expected \"file\" (an accounts JSON file) or \"workspaces\" (a table mapping)");
  EXPECT_EQ(ErrorOf(WithAccounts(R"({ "workspaces": { "table": "w", "columns": { "name": "n" } } })")),
            "mapping: accounts.workspaces.columns.id: is required (a column or SQL expression)");
  EXPECT_EQ(ErrorOf("[1]"), "mapping: (top level): expected an object, got [1]");
  EXPECT_EQ(ErrorOf("{"), "mapping: invalid JSON: incomplete JSON");
}

TEST(ColumnMapping, DimensionsNameEventFields) {
  EXPECT_STREQ(DimensionField(Dimension::kWorkspace), "workspace_id");
  EXPECT_STREQ(DimensionField(Dimension::kUser), "user_id");
  EXPECT_STREQ(DimensionField(Dimension::kRun), "run_id");
  for (const Dimension d : {Dimension::kCategory, Dimension::kFeature, Dimension::kFolder, Dimension::kApiKey,
                            Dimension::kSource, Dimension::kModule}) {
    const std::string name = DimensionField(d);
    EXPECT_TRUE(std::any_of(EventFields().begin(), EventFields().end(), [&](const FieldSpec& f) {
      return f.name == name;
    })) << name;
  }
}

TEST(ColumnMapping, FieldListsMarkRequiredAndTimeFields) {
  int required = 0;
  for (const FieldSpec& f : EventFields()) required += f.required ? 1 : 0;
  EXPECT_EQ(required, 6);
  EXPECT_TRUE(EventFields()[1].is_time);
  EXPECT_EQ(SubscriptionFields().size(), 7u);
  EXPECT_EQ(CreditGrantFields().size(), 8u);
  EXPECT_EQ(WorkspaceFields().size(), 12u);
}

}  // namespace
}  // namespace creditlens::mapping

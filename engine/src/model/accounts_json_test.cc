#include "model/accounts_json.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace creditlens::model {
namespace {

using testing::TempDir;

// The accounts example of docs/formats.md.
constexpr char kAccounts[] = R"({ "workspaces": [ {
    "id": "ws001", "name": "Acme Vision", "kind": "team", "timezone": "Europe/Berlin",
    "billing_email": "billing@acme.test", "price_per_credit": 0.01,
    "flex_enabled": true, "flex_threshold": 5000,
    "members_limit": 10, "members_count": 7, "projects_limit": 50, "projects_count": 12,
    "subscriptions": [ { "plan": "core", "starts_at": "2025-11-11T00:00:00Z", "ends_at": null,
                         "cycle": "monthly", "included_credits": 1000, "flex_price_per_credit": 0.012 } ],
    "credit_grants": [ { "id": "g1", "kind": "prepaid", "credits": 500, "price": 4.6,
                         "available_from": "2026-01-10T00:00:00Z", "expires_at": "2027-01-10T00:00:00Z",
                         "priority": 50 } ]
} ] })";

TEST(AccountsJson, ReadsTheDocumentedShape) {
  TempDir dir;
  const auto workspaces = ReadAccountsFile(dir.Write("accounts.json", kAccounts));
  ASSERT_EQ(workspaces.size(), 1u);
  const Workspace& w = workspaces[0];
  EXPECT_EQ(w.id, "ws001");
  EXPECT_EQ(w.name, "Acme Vision");
  EXPECT_EQ(w.kind, WorkspaceKind::kTeam);
  EXPECT_EQ(w.timezone, "Europe/Berlin");
  EXPECT_EQ(w.price_per_credit, "0.01");
  EXPECT_TRUE(w.flex_enabled);
  EXPECT_EQ(w.flex_threshold, 5000 * kMicrosPerCredit);
  EXPECT_EQ(w.members_count, 7);
  ASSERT_EQ(w.subscriptions.size(), 1u);
  EXPECT_EQ(w.subscriptions[0].included_credits, 1000 * kMicrosPerCredit);
  EXPECT_EQ(w.subscriptions[0].flex_price_per_credit, "0.012");
  EXPECT_FALSE(w.subscriptions[0].ends_at_ms);
  ASSERT_EQ(w.credit_grants.size(), 1u);
  EXPECT_EQ(w.credit_grants[0].price, "4.6");
  EXPECT_EQ(w.credit_grants[0].priority, 50);
}

TEST(AccountsJson, NamesTheFileAndJsonPathOfAProblem) {
  TempDir dir;
  auto message = [&](const std::string& text) {
    try {
      ReadAccountsFile(dir.Write("a.json", text));
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  std::string bad_zone = kAccounts;
  bad_zone.replace(bad_zone.find("Europe/Berlin"), 13, "Mars/Base");
  EXPECT_NE(message(bad_zone).find("a.json: $.workspaces[0].timezone: unknown time zone 'Mars/Base'"),
            std::string::npos);
  std::string bad_credits = kAccounts;
  bad_credits.replace(bad_credits.find("\"credits\": 500"), 14, "\"credits\": -5");
  EXPECT_NE(message(bad_credits).find("$.workspaces[0].credit_grants[0].credits: expected a number >= 0"),
            std::string::npos);
  EXPECT_NE(message("{\"workspaces\": [{\"name\": \"x\"}]}").find("$.workspaces[0].id: is required"),
            std::string::npos);
  EXPECT_NE(
      message("{\"workspaces\": [{\"id\": \"a\"}, {\"id\": \"a\"}]}").find("workspace 'a' appears twice"),
      std::string::npos);
  EXPECT_NE(message("{\"workspaces\": [").find("a.json: invalid JSON"), std::string::npos);
  std::string misspelt = kAccounts;
  misspelt.replace(misspelt.find("\"flex_threshold\""), 16, "\"flex_treshold\"");
  EXPECT_NE(message(misspelt).find("$.workspaces[0].flex_treshold: is not a known field (accepted: "),
            std::string::npos);
  std::string twice = kAccounts;
  twice.replace(twice.find("\"credit_grants\": ["), 18,
                "\"credit_grants\": [ { \"id\": \"g1\", \"credits\": 1, \"available_from\": "
                "\"2026-01-01T00:00:00Z\" },");
  EXPECT_NE(
      message(twice).find("$.workspaces[0].credit_grants[1].id: grant 'g1' appears twice in this workspace"),
      std::string::npos);
}

}  // namespace
}  // namespace creditlens::model

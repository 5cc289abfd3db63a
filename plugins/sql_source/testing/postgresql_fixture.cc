// DDL, then the shared loader, then the role's grants.
#include "postgresql_fixture.h"

#include "fixture_loader.h"
#include "result_reader.h"
#include "usage_fixture.h"

namespace creditlens::sql::testing {

void CreatePostgresqlFixture(const PostgresqlServer& server, const std::string& analyst_password) {
  auto admin = server.Admin();
  ExecuteSql(*admin, "CREATE DATABASE usage");
  std::string quoted;
  for (const char c : analyst_password) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  ExecuteSql(*admin, "CREATE ROLE analyst LOGIN PASSWORD '" + quoted + "'");
  auto db = server.Admin("usage");
  for (const char* ddl : {
           "CREATE SCHEMA billing",
           "CREATE TABLE billing.usage_log (event_uuid text PRIMARY KEY, created_at timestamptz NOT NULL, "
           "org_id text NOT NULL, kind text NOT NULL, feature_name text NOT NULL, amount_milli bigint NOT "
           "NULL, "
           "folder_path text, key_name text, member text, workflow text, run text, step text, qty_milli "
           "bigint, "
           "unit_name text, bytes bigint)",
           "CREATE INDEX usage_log_created_at ON billing.usage_log (created_at)",
           "CREATE TABLE billing.orgs (org_id text PRIMARY KEY, org_name text, org_kind text, tz text, email "
           "text, "
           "price numeric(10,4), flex boolean, flex_cap numeric(14,3), seats int, seated int)",
           "CREATE TABLE billing.plans (org text, plan_name text, began timestamptz, ended timestamptz, "
           "period text, included numeric(14,3), flex_price numeric(10,4))",
           "CREATE TABLE billing.bundles (org text, bundle_id text, bundle_kind text, amount numeric(14,3), "
           "cost numeric(10,2), valid_from timestamptz, valid_to timestamptz, prio int)",
       }) {
    ExecuteSql(*db, ddl);
  }
  LoadFixture(
      *db, {"billing.usage_log", "billing.orgs", "billing.plans", "billing.bundles"},
      [](std::size_t i) { return "$" + std::to_string(i); }, "+00");
  // The same events with ts as a timestamp without time zone (read as UTC), epoch ms and epoch seconds.
  ExecuteSql(*db,
             "CREATE VIEW billing.usage_times AS SELECT *, created_at AT TIME ZONE 'UTC' AS created_local, "
             "CAST(EXTRACT(EPOCH FROM created_at) * 1000 AS bigint) AS created_ms, "
             "EXTRACT(EPOCH FROM created_at) AS created_s FROM billing.usage_log");
  ExecuteSql(*db, "GRANT USAGE ON SCHEMA billing TO analyst");
  ExecuteSql(*db, "GRANT SELECT ON ALL TABLES IN SCHEMA billing TO analyst");
}

std::string PostgresqlFixtureMapping(const std::string& events_table) {
  return FixtureMapping(events_table, "billing.orgs", "billing.plans", "billing.bundles");
}

}  // namespace creditlens::sql::testing

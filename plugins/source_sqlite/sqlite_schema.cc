// Schema of the embedded store (docs/store.md). Credits are integer micro-credits; timestamps are UTC
// epoch milliseconds.
#include "sqlite_schema.h"

#include <string>

#include "sqlite_statement.h"

namespace creditlens::sqlite {
namespace {

constexpr char kCreateTables[] = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS loads(
  load_id INTEGER PRIMARY KEY, source TEXT NOT NULL, started_at INTEGER NOT NULL);
-- Raw events, a chunk per written batch (event_chunk.h); data is last so that scanning the time
-- bounds never reads the BLOB's pages.
CREATE TABLE IF NOT EXISTS event_chunks(
  chunk_id INTEGER PRIMARY KEY, load_id INTEGER NOT NULL, ts_min INTEGER NOT NULL,
  ts_max INTEGER NOT NULL, events INTEGER NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS event_chunks_by_time ON event_chunks(ts_max);
-- Every stored id and the load that stored it: ingest is idempotent on id.
CREATE TABLE IF NOT EXISTS event_ids(id TEXT PRIMARY KEY, load_id INTEGER NOT NULL) WITHOUT ROWID;
-- Credits per UTC hour, workspace and feature: a year of dashboards reads these, not the events.
-- Keyed workspace first: a workspace's hours are one range, and a query over all workspaces is one
-- range per workspace (sqlite_aggregate.cc).
CREATE TABLE IF NOT EXISTS rollup_hour(
  hour INTEGER NOT NULL, workspace_id TEXT NOT NULL, category TEXT NOT NULL, feature TEXT NOT NULL,
  credits INTEGER NOT NULL, events INTEGER NOT NULL,
  PRIMARY KEY(workspace_id, hour, category, feature)) WITHOUT ROWID;
-- Every workspace with rows in rollup_hour, kept with them: the list a query over all workspaces walks.
CREATE TABLE IF NOT EXISTS rollup_workspaces(workspace_id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workspaces(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, timezone TEXT NOT NULL,
  billing_email TEXT, price_per_credit TEXT NOT NULL, flex_enabled INTEGER NOT NULL,
  flex_threshold INTEGER, members_limit INTEGER, members_count INTEGER, projects_limit INTEGER,
  projects_count INTEGER) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS subscriptions(
  workspace_id TEXT NOT NULL, seq INTEGER NOT NULL, plan TEXT NOT NULL, starts_at INTEGER NOT NULL,
  ends_at INTEGER, cycle TEXT NOT NULL, included_credits INTEGER NOT NULL,
  flex_price_per_credit TEXT NOT NULL, PRIMARY KEY(workspace_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS credit_grants(
  workspace_id TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL, credits INTEGER NOT NULL,
  price TEXT NOT NULL, available_from INTEGER NOT NULL, expires_at INTEGER, priority INTEGER NOT NULL,
  PRIMARY KEY(workspace_id, id)) WITHOUT ROWID;
)SQL";

}  // namespace

void EnsureSchema(sqlite3* db) {
  Execute(db, "BEGIN IMMEDIATE");
  try {
    Execute(db, kCreateTables);
    Statement version(db, "SELECT value FROM meta WHERE key = 'schema_version'");
    if (version.Step()) {
      const std::string found(version.Text(0));
      if (found != std::to_string(kSchemaVersion)) {
        throw std::runtime_error("store schema version " + found + " is not the supported version " +
                                 std::to_string(kSchemaVersion));
      }
    } else {
      Statement insert(db, "INSERT INTO meta(key, value) VALUES('schema_version', ?)");
      insert.Bind(1, std::to_string(kSchemaVersion));
      insert.Step();
    }
    Execute(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace creditlens::sqlite

// Opens the store with Poco::Data's SQLite connector; hot paths use the session's sqlite3 handle.
#include "sqlite_connector.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Exception.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "sqlite_aggregate.h"
#include "sqlite_schema.h"

namespace creditlens::sqlite {
namespace {

using Poco::Data::RecordSet;

// NULL columns come back as empty values.
std::optional<std::int64_t> OptionalInt(RecordSet& rs, std::size_t column) {
  const Poco::Dynamic::Var value = rs.value(column);
  if (value.isEmpty()) return std::nullopt;
  return value.convert<Poco::Int64>();
}
std::optional<int> OptionalCount(RecordSet& rs, std::size_t column) {
  const auto value = OptionalInt(rs, column);
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}
std::string Text(RecordSet& rs, std::size_t column) {
  const Poco::Dynamic::Var value = rs.value(column);
  return value.isEmpty() ? std::string() : value.convert<std::string>();
}

}  // namespace

SqliteConnector::SqliteConnector() = default;

SqliteConnector::~SqliteConnector() {
  store_.reset();  // its statements must be finalised before the session closes
}

ConnectorInfo SqliteConnector::Describe() const noexcept {
  return {
      {"sqlite",
       "0.1.0",
       "The embedded SQLite store: raw events with hourly rollups beside them; the default source",
       {{"path", SettingType::kPath, "creditlens.db", "Store file; created on first ingest"},
        {"cache_mb", SettingType::kInteger, "64", "SQLite page cache size in MiB"},
        {"create", SettingType::kBoolean, "false", "Create the store file when it does not exist (ingest)"},
        {"busy_timeout_ms", SettingType::kInteger, "10000",
         "How long to wait for another process holding the store's write lock"}}},
      {"sqlite"}};
}

Status SqliteConnector::Open(const Settings& settings) noexcept {
  return Guard([&] {
    Poco::Data::SQLite::Connector::registerConnector();
    // Each connection is used by one thread at a time, and nothing reads SQLite's memory statistics:
    // the mutexes both take on every call are pure cost. Only possible before SQLite initialises.
    static std::once_flag configured;
    std::call_once(configured, [] {
      sqlite3_shutdown();
      sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
      sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
      sqlite3_initialize();
    });
    const std::string& path = settings.at("path");
    if (settings.at("create") != "true" && !std::filesystem::exists(path)) {
      throw std::runtime_error("store '" + path + "' does not exist (creditlens ingest creates it)");
    }
    const auto directory = std::filesystem::absolute(path).parent_path();
    if (!std::filesystem::is_directory(directory)) {
      throw std::runtime_error("cannot open store '" + path + "': directory " + directory.string() +
                               " does not exist");
    }
    try {
      constexpr std::size_t kOpenTimeoutSeconds = 5;
      session_ = std::make_unique<Poco::Data::Session>("SQLite", path, kOpenTimeoutSeconds);
    } catch (const Poco::Exception& e) {
      throw std::runtime_error("cannot open store '" + path + "': " + e.displayText());
    }
    db_ = Poco::Data::SQLite::Utility::dbHandle(*session_);
    sqlite3_busy_timeout(db_, std::stoi(settings.at("busy_timeout_ms")));
    // Page size first (it only takes effect on a new store): cache_size in KiB is turned into a
    // number of pages when it is set. Larger pages mean fewer B-tree splits on bulk appends.
    const std::string pragmas =
        "PRAGMA page_size=16384; PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; "
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-" +
        std::to_string(std::stoi(settings.at("cache_mb")) * 1024) + ";";
    Execute(db_, pragmas.c_str());
    EnsureSchema(db_);
    store_ = std::make_unique<SqliteEventStore>(db_);
  });
}

Status SqliteConnector::LoadAccounts(std::vector<Workspace>& workspaces) noexcept {
  return Guard([&] {
    workspaces.clear();
    std::map<std::string, std::size_t> index;
    RecordSet ws(*session_,
                 "SELECT id, name, kind, timezone, billing_email, price_per_credit, flex_enabled, "
                 "flex_threshold, members_limit, members_count, projects_limit, projects_count "
                 "FROM workspaces ORDER BY id");
    for (bool more = ws.moveFirst(); more; more = ws.moveNext()) {
      Workspace w;
      w.id = Text(ws, 0);
      w.name = Text(ws, 1);
      w.kind = Text(ws, 2) == "personal" ? WorkspaceKind::kPersonal : WorkspaceKind::kTeam;
      w.timezone = Text(ws, 3);
      w.billing_email = Text(ws, 4);
      w.price_per_credit = Text(ws, 5);
      w.flex_enabled = OptionalInt(ws, 6).value_or(0) != 0;
      w.flex_threshold = OptionalInt(ws, 7);
      w.members_limit = OptionalCount(ws, 8);
      w.members_count = OptionalCount(ws, 9);
      w.projects_limit = OptionalCount(ws, 10);
      w.projects_count = OptionalCount(ws, 11);
      index[w.id] = workspaces.size();
      workspaces.push_back(std::move(w));
    }
    RecordSet subs(*session_,
                   "SELECT workspace_id, plan, starts_at, ends_at, cycle, included_credits, "
                   "flex_price_per_credit FROM subscriptions ORDER BY workspace_id, seq");
    for (bool more = subs.moveFirst(); more; more = subs.moveNext()) {
      Subscription s;
      s.plan = Text(subs, 1);
      s.starts_at_ms = *OptionalInt(subs, 2);
      s.ends_at_ms = OptionalInt(subs, 3);
      s.cycle = Text(subs, 4) == "annual" ? BillingCycle::kAnnual : BillingCycle::kMonthly;
      s.included_credits = *OptionalInt(subs, 5);
      s.flex_price_per_credit = Text(subs, 6);
      workspaces[index.at(Text(subs, 0))].subscriptions.push_back(std::move(s));
    }
    RecordSet grants(*session_,
                     "SELECT workspace_id, id, kind, credits, price, available_from, expires_at, "
                     "priority FROM credit_grants ORDER BY workspace_id, id");
    for (bool more = grants.moveFirst(); more; more = grants.moveNext()) {
      CreditGrant g;
      g.id = Text(grants, 1);
      g.kind = Text(grants, 2);
      g.credits = *OptionalInt(grants, 3);
      g.price = Text(grants, 4);
      g.available_from_ms = *OptionalInt(grants, 5);
      g.expires_at_ms = OptionalInt(grants, 6);
      g.priority = static_cast<int>(*OptionalInt(grants, 7));
      workspaces[index.at(Text(grants, 0))].credit_grants.push_back(std::move(g));
    }
  });
}

Status SqliteConnector::Aggregate(const AggregateRequest& request, std::vector<AggregateRow>& rows) noexcept {
  return Guard([&] { sqlite::Aggregate(db_, request, rows); });
}

Status SqliteConnector::ListEvents(const EventQuery& query, const EventSink& sink) noexcept {
  return Guard([&] { sqlite::ListEvents(db_, query, sink); });
}

}  // namespace creditlens::sqlite

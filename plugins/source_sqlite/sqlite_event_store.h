// EventStore on the embedded SQLite store: a load is one transaction; inserted events feed the hourly
// rollups, which are merged into rollup_hour in bulk rather than per event.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "creditlens/source_connector.h"
#include "sqlite_statement.h"

namespace creditlens::sqlite {

class SqliteEventStore final : public EventStore {
 public:
  explicit SqliteEventStore(sqlite3* db) : db_(db) {}
  ~SqliteEventStore() override;

  Status BeginLoad() noexcept override;
  Status UpsertAccounts(const std::vector<Workspace>& workspaces) noexcept override;
  Status WriteBatch(std::span<const UsageEvent> events,
                    std::vector<WriteOutcome>& outcomes) noexcept override;
  Status CommitLoad() noexcept override;
  void RollbackLoad() noexcept override;

 private:
  struct RollupKey {
    std::int64_t hour;
    std::string workspace_id, category, feature;
    bool operator==(const RollupKey&) const = default;
  };
  struct RollupKeyHash {
    std::size_t operator()(const RollupKey& k) const;
  };
  struct RollupSum {
    std::int64_t credits = 0, events = 0;
  };

  void Prepare();
  WriteOutcome Insert(const UsageEvent& event);
  void FlushRollups();
  void WriteWorkspace(const Workspace& workspace);

  sqlite3* db_;
  std::int64_t load_id_ = 0;
  bool in_load_ = false;
  std::unique_ptr<Statement> insert_event_, find_load_of_event_, merge_rollup_;
  std::unordered_map<RollupKey, RollupSum, RollupKeyHash> pending_rollups_;
  RollupKey scratch_key_;
};

}  // namespace creditlens::sqlite

// EventStore on the embedded SQLite store: a load is one transaction. Each event's id goes into
// event_ids (idempotency); the inserted events of a batch become one chunk, and feed the hourly
// rollups, which are merged into rollup_hour in bulk rather than per event.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "creditlens/source_connector.h"
#include "event_chunk.h"
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
  void WriteChunk();
  void FlushRollups();
  void WriteWorkspace(const Workspace& workspace);

  sqlite3* db_;
  std::int64_t load_id_ = 0;
  bool in_load_ = false;
  std::unique_ptr<Statement> insert_id_, find_load_of_id_, insert_chunk_, merge_rollup_;
  EventChunkWriter chunk_;
  std::unordered_map<RollupKey, RollupSum, RollupKeyHash> pending_rollups_;
  // The last key's sum: consecutive events mostly share hour, workspace and feature. Element
  // pointers of an unordered_map stay valid until the element is erased (FlushRollups resets it).
  RollupKey last_key_;
  RollupSum* last_sum_ = nullptr;
};

}  // namespace creditlens::sqlite

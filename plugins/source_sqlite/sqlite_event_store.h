// EventStore on the embedded SQLite store: a load is one transaction. Each event's id goes into
// event_ids (idempotency); the inserted events of a batch become one chunk, and feed the hourly
// rollups, which are merged into rollup_hour in bulk rather than per event. A batch's encoding runs
// on a second thread while SQLite inserts its ids; the two never touch the same members.
#pragma once

#include <sqlite3.h>

#include <array>
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
  struct RollupKey {  // workspace, category and feature as key_texts_ codes
    std::int64_t hour;
    std::uint32_t workspace, category, feature;
    bool operator==(const RollupKey&) const = default;
  };
  struct RollupKeyHash {
    std::size_t operator()(const RollupKey& k) const;
  };
  struct RollupSum {
    std::int64_t credits = 0, events = 0;
  };

  void Prepare();
  // Interns the event's text fields, comparing with its workspace's previous event first.
  const EventTextCodes& CodesOf(const UsageEvent& event);
  WriteOutcome InsertId(const UsageEvent& event);
  RollupSum& RollupOf(const UsageEvent& event, const EventTextCodes& codes);
  std::uint32_t KeyCode(std::uint32_t text_code);  // a texts_ code as a key_texts_ code
  void Encode(const UsageEvent& event);            // into the chunk and the rollups
  // Redoes a batch's encoding for the events that were inserted only.
  void KeepOnlyInserted(std::span<const UsageEvent> events, const std::vector<WriteOutcome>& outcomes);
  void WriteChunk();
  void FlushRollups();
  void ForgetChunkTexts();
  void WriteWorkspace(const Workspace& workspace);

  sqlite3* db_;
  std::int64_t load_id_ = 0;
  bool in_load_ = false;
  std::unique_ptr<Statement> insert_id_, find_load_of_id_, insert_chunk_, merge_rollup_,
      add_rollup_workspace_;
  EventChunkWriter chunk_;
  // Text codes of the chunks (every field; forgotten between chunks when large) and of the rollup
  // keys (workspace, category, feature: few; kept until the rollups are flushed).
  TextCodes texts_, key_texts_;
  EventTextCodes codes_{};
  // The codes of each workspace's previous event, by workspace code: within a workspace, runs,
  // keys and modules repeat, so a compare with the interned text mostly replaces a lookup.
  std::vector<EventTextCodes> recent_by_workspace_;
  std::unordered_map<RollupKey, RollupSum, RollupKeyHash> pending_rollups_;
  std::vector<std::uint32_t> key_code_of_text_;  // by texts_ code; 0 = not looked up yet
  // Each workspace's last key and its sum: a workspace's consecutive events mostly share hour and
  // feature. Element pointers of an unordered_map stay valid until erased (FlushRollups resets).
  struct RecentRollup {
    RollupKey key{};
    RollupSum* sum = nullptr;
  };
  std::vector<RecentRollup> recent_rollups_;  // by key_texts_ workspace code
};

}  // namespace creditlens::sqlite

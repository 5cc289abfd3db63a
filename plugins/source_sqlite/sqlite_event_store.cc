// Loads into the embedded store through prepared statements inside one transaction per load:
// per event one small id insert; per batch one chunk insert; per load bulk rollup merges.
#include "sqlite_event_store.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <set>

#include "time_grid.h"

namespace creditlens::sqlite {
namespace {

// Rollup sums kept in memory before they are merged into rollup_hour; bounds the load's memory.
constexpr std::size_t kMaxPendingRollups = 50'000;
// Distinct chunk texts (run ids, mostly) remembered before they are forgotten between two chunks.
constexpr std::size_t kMaxTextCodes = 200'000;

}  // namespace

std::size_t SqliteEventStore::RollupKeyHash::operator()(const RollupKey& k) const {
  std::uint64_t h = static_cast<std::uint64_t>(k.hour / kMsPerHour) * 0x9e3779b97f4a7c15ULL;
  for (const std::uint32_t code : {k.workspace, k.category, k.feature})
    h = (h ^ code) * 0xff51afd7ed558ccdULL;
  return static_cast<std::size_t>(h ^ (h >> 32));
}

SqliteEventStore::~SqliteEventStore() {
  if (in_load_) RollbackLoad();
}

void SqliteEventStore::Prepare() {
  if (insert_id_) return;
  insert_id_ = std::make_unique<Statement>(db_, "INSERT OR IGNORE INTO event_ids(id, load_id) VALUES(?, ?)");
  find_load_of_id_ = std::make_unique<Statement>(db_, "SELECT load_id FROM event_ids WHERE id = ?");
  insert_chunk_ = std::make_unique<Statement>(
      db_, "INSERT INTO event_chunks(load_id, ts_min, ts_max, events, data) VALUES(?, ?, ?, ?, ?)");
  add_rollup_workspace_ =
      std::make_unique<Statement>(db_, "INSERT OR IGNORE INTO rollup_workspaces(workspace_id) VALUES(?)");
  merge_rollup_ = std::make_unique<Statement>(
      db_,
      "INSERT INTO rollup_hour(hour, workspace_id, category, feature, credits, events) VALUES(?,?,?,?,?,?) "
      "ON CONFLICT DO UPDATE SET credits = credits + excluded.credits, events = events + excluded.events");
}

Status SqliteEventStore::BeginLoad() noexcept {
  return Guard([&] {
    if (in_load_) throw std::logic_error("a load is already in progress");
    Prepare();
    Execute(db_, "BEGIN IMMEDIATE");
    in_load_ = true;
    Statement start(db_, "INSERT INTO loads(source, started_at) VALUES('ingest', ?)");
    start.Bind(1, std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count());
    start.Step();
    load_id_ = sqlite3_last_insert_rowid(db_);
  });
}

void SqliteEventStore::WriteWorkspace(const Workspace& w) {
  for (const char* sql : {"DELETE FROM subscriptions WHERE workspace_id = ?",
                          "DELETE FROM credit_grants WHERE workspace_id = ?"}) {
    Statement remove(db_, sql);
    remove.Bind(1, w.id);
    remove.Step();
  }
  auto bind_optional = [](Statement& s, int index, const auto& value) {
    if (value) {
      s.Bind(index, static_cast<std::int64_t>(*value));
    } else {
      s.BindNull(index);
    }
  };
  Statement workspace(db_, "INSERT OR REPLACE INTO workspaces VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
  workspace.Bind(1, w.id);
  workspace.Bind(2, w.name);
  workspace.Bind(3, ToString(w.kind));
  workspace.Bind(4, w.timezone);
  workspace.BindOrNull(5, w.billing_email);
  workspace.Bind(6, w.price_per_credit);
  workspace.Bind(7, std::int64_t{w.flex_enabled});
  bind_optional(workspace, 8, w.flex_threshold);
  bind_optional(workspace, 9, w.members_limit);
  bind_optional(workspace, 10, w.members_count);
  bind_optional(workspace, 11, w.projects_limit);
  bind_optional(workspace, 12, w.projects_count);
  workspace.Step();

  Statement subscription(db_, "INSERT INTO subscriptions VALUES(?,?,?,?,?,?,?,?)");
  for (std::size_t i = 0; i < w.subscriptions.size(); ++i) {
    const Subscription& s = w.subscriptions[i];
    subscription.Reset();
    subscription.Bind(1, w.id);
    subscription.Bind(2, static_cast<std::int64_t>(i));
    subscription.Bind(3, s.plan);
    subscription.Bind(4, s.starts_at_ms);
    bind_optional(subscription, 5, s.ends_at_ms);
    subscription.Bind(6, ToString(s.cycle));
    subscription.Bind(7, s.included_credits);
    subscription.Bind(8, s.flex_price_per_credit);
    subscription.Step();
  }
  Statement grant(db_, "INSERT INTO credit_grants VALUES(?,?,?,?,?,?,?,?)");
  for (const CreditGrant& g : w.credit_grants) {
    grant.Reset();
    grant.Bind(1, w.id);
    grant.Bind(2, g.id);
    grant.Bind(3, g.kind);
    grant.Bind(4, g.credits);
    grant.Bind(5, g.price);
    grant.Bind(6, g.available_from_ms);
    bind_optional(grant, 7, g.expires_at_ms);
    grant.Bind(8, static_cast<std::int64_t>(g.priority));
    grant.Step();
  }
}

Status SqliteEventStore::UpsertAccounts(const std::vector<Workspace>& workspaces) noexcept {
  return Guard([&] {
    if (!in_load_) throw std::logic_error("UpsertAccounts outside a load");
    for (const Workspace& w : workspaces) WriteWorkspace(w);
  });
}

const EventTextCodes& SqliteEventStore::CodesOf(const UsageEvent& e) {
  constexpr auto kWorkspace = static_cast<std::size_t>(ChunkText::kWorkspace);
  std::uint32_t& workspace = codes_[kWorkspace];
  if (texts_.Text(workspace) != e.workspace_id) workspace = texts_.Code(e.workspace_id);
  if (workspace >= recent_by_workspace_.size()) recent_by_workspace_.resize(workspace + 1, EventTextCodes{});
  EventTextCodes& recent = recent_by_workspace_[workspace];
  for (std::size_t field = 0; field < kChunkTextFields; ++field) {
    if (field == kWorkspace) continue;
    const std::string& text = TextField(e, static_cast<ChunkText>(field));
    if (texts_.Text(recent[field]) != text) recent[field] = texts_.Code(text);
    codes_[field] = recent[field];
  }
  return codes_;
}

WriteOutcome SqliteEventStore::InsertId(const UsageEvent& e) {
  Statement& s = *insert_id_;
  s.Reset();
  s.Bind(1, e.id);
  s.Bind(2, load_id_);
  s.Step();
  if (sqlite3_changes(db_) != 0) return WriteOutcome::kInserted;
  Statement& find = *find_load_of_id_;
  find.Reset();
  find.Bind(1, e.id);
  find.Step();
  return find.Int(0) == load_id_ ? WriteOutcome::kDuplicateInLoad : WriteOutcome::kAlreadyStored;
}

std::uint32_t SqliteEventStore::KeyCode(std::uint32_t text_code) {
  if (text_code >= key_code_of_text_.size()) key_code_of_text_.resize(text_code + 1024, 0);
  std::uint32_t& key_code = key_code_of_text_[text_code];
  if (key_code == 0) key_code = key_texts_.Code(texts_.Text(text_code));
  return key_code;
}

SqliteEventStore::RollupSum& SqliteEventStore::RollupOf(const UsageEvent& e, const EventTextCodes& codes) {
  const RollupKey key{FloorTo(e.ts_ms, kMsPerHour),
                      KeyCode(codes[static_cast<std::size_t>(ChunkText::kWorkspace)]),
                      KeyCode(codes[static_cast<std::size_t>(ChunkText::kCategory)]),
                      KeyCode(codes[static_cast<std::size_t>(ChunkText::kFeature)])};
  if (key.workspace >= recent_rollups_.size()) recent_rollups_.resize(key.workspace + 1);
  RecentRollup& recent = recent_rollups_[key.workspace];
  if (!recent.sum || !(recent.key == key)) {
    recent.key = key;
    recent.sum = &pending_rollups_[key];
  }
  return *recent.sum;
}

void SqliteEventStore::Encode(const UsageEvent& e) {
  const EventTextCodes& codes = CodesOf(e);
  chunk_.Add(e, codes, texts_);
  RollupSum& sum = RollupOf(e, codes);
  sum.credits += e.credits;
  ++sum.events;
}

void SqliteEventStore::KeepOnlyInserted(std::span<const UsageEvent> events,
                                        const std::vector<WriteOutcome>& outcomes) {
  chunk_.Finish();  // discarded: re-encoded below from the inserted events only
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (outcomes[i] == WriteOutcome::kInserted) {
      chunk_.Add(events[i], CodesOf(events[i]), texts_);
    } else {
      RollupSum& sum = RollupOf(events[i], CodesOf(events[i]));
      sum.credits -= events[i].credits;
      --sum.events;
    }
  }
}

void SqliteEventStore::WriteChunk() {
  if (chunk_.empty()) return;
  Statement& s = *insert_chunk_;
  s.Reset();
  s.Bind(1, load_id_);
  s.Bind(2, chunk_.ts_min());
  s.Bind(3, chunk_.ts_max());
  s.Bind(4, std::int64_t{chunk_.count()});
  const std::string data = chunk_.Finish();
  s.BindBlob(5, data);
  s.Step();
}

Status SqliteEventStore::WriteBatch(std::span<const UsageEvent> events,
                                    std::vector<WriteOutcome>& outcomes) noexcept {
  return Guard([&] {
    if (!in_load_) throw std::logic_error("WriteBatch outside a load");
    // Encoding (chunk and rollups) runs beside the id inserts, assuming every event is new; the
    // rare batch holding already stored ids is corrected afterwards.
    auto encoded = std::async(std::launch::async, [&] {
      for (const UsageEvent& e : events) Encode(e);
    });
    outcomes.clear();
    outcomes.reserve(events.size());
    try {
      for (const UsageEvent& e : events) outcomes.push_back(InsertId(e));
    } catch (...) {
      encoded.wait();
      throw;
    }
    encoded.get();
    if (std::any_of(outcomes.begin(), outcomes.end(),
                    [](WriteOutcome o) { return o != WriteOutcome::kInserted; })) {
      KeepOnlyInserted(events, outcomes);
    }
    WriteChunk();
    if (texts_.size() > kMaxTextCodes) ForgetChunkTexts();
    if (pending_rollups_.size() > kMaxPendingRollups) FlushRollups();
  });
}

void SqliteEventStore::ForgetChunkTexts() {
  texts_.Clear();
  codes_.fill(0);
  recent_by_workspace_.clear();
  key_code_of_text_.clear();
}

void SqliteEventStore::FlushRollups() {
  Statement& s = *merge_rollup_;
  for (const auto& [key, sum] : pending_rollups_) {
    s.Reset();
    s.Bind(1, key.hour);
    s.Bind(2, key_texts_.Text(key.workspace));
    s.Bind(3, key_texts_.Text(key.category));
    s.Bind(4, key_texts_.Text(key.feature));
    s.Bind(5, sum.credits);
    s.Bind(6, sum.events);
    s.Step();
  }
  std::set<std::uint32_t> workspaces;
  for (const auto& [key, sum] : pending_rollups_) workspaces.insert(key.workspace);
  for (const std::uint32_t workspace : workspaces) {
    Statement& add = *add_rollup_workspace_;
    add.Reset();
    add.Bind(1, key_texts_.Text(workspace));
    add.Step();
  }
  pending_rollups_.clear();
  recent_rollups_.clear();
  key_texts_.Clear();
  key_code_of_text_.clear();
}

Status SqliteEventStore::CommitLoad() noexcept {
  return Guard([&] {
    if (!in_load_) throw std::logic_error("CommitLoad outside a load");
    FlushRollups();
    Execute(db_, "COMMIT");
    in_load_ = false;
  });
}

void SqliteEventStore::RollbackLoad() noexcept {
  pending_rollups_.clear();
  recent_rollups_.clear();
  key_texts_.Clear();
  ForgetChunkTexts();
  chunk_.Finish();  // drops what a failed batch had added
  if (in_load_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  in_load_ = false;
}

}  // namespace creditlens::sqlite

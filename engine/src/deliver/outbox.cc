#include "deliver/outbox.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Exception.h>

#include <stdexcept>

namespace creditlens::deliver {
namespace {

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Statement;

constexpr int kOpenTimeoutSeconds = 30;  // how long a statement waits for another process's lock

const char* const kSchema = R"sql(
CREATE TABLE IF NOT EXISTS schedule_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS schedule_fires (
  schedule TEXT NOT NULL, fire_ms INTEGER NOT NULL, recorded_ms INTEGER NOT NULL,
  PRIMARY KEY (schedule, fire_ms));
CREATE TABLE IF NOT EXISTS schedule_runs (
  run_id INTEGER PRIMARY KEY, schedule TEXT NOT NULL, workspace TEXT NOT NULL, fire_ms INTEGER NOT NULL,
  state TEXT NOT NULL, owner TEXT, lease_until_ms INTEGER NOT NULL DEFAULT 0,
  sender TEXT, subject TEXT, text_body TEXT, html_body TEXT, period TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL, finished_ms INTEGER,
  UNIQUE (schedule, workspace, fire_ms));
CREATE TABLE IF NOT EXISTS schedule_files (
  run_id INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, mime_type TEXT NOT NULL,
  content_id TEXT NOT NULL, content BLOB NOT NULL, PRIMARY KEY (run_id, position));
CREATE TABLE IF NOT EXISTS schedule_deliveries (
  delivery_id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, channel TEXT NOT NULL,
  recipient TEXT NOT NULL, purpose TEXT NOT NULL, state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_ms INTEGER NOT NULL, owner TEXT,
  lease_until_ms INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', sent_ms INTEGER,
  subject TEXT, text_body TEXT, created_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS schedule_deliveries_by_state ON schedule_deliveries (state, next_attempt_ms);
CREATE INDEX IF NOT EXISTS schedule_deliveries_by_run ON schedule_deliveries (run_id);
CREATE INDEX IF NOT EXISTS schedule_runs_by_state ON schedule_runs (state);
)sql";

// Reading a RecordSet cell: NULL is "" or 0, or nullopt where the difference matters.
std::optional<std::string> OptionalText(const RecordSet& rows, std::size_t column, std::size_t row) {
  if (rows.isNull(column, row)) return std::nullopt;
  return rows.value(column, row).convert<std::string>();
}

std::string Text(const RecordSet& rows, std::size_t column, std::size_t row) {
  return OptionalText(rows, column, row).value_or("");
}

std::int64_t Integer(const RecordSet& rows, std::size_t column, std::size_t row) {
  return rows.isNull(column, row) ? 0 : rows.value(column, row).convert<std::int64_t>();
}

// A row of "SELECT run_id, schedule, workspace, fire_ms, state, period, error".
RunStatus RunStatusAt(const RecordSet& rows, std::size_t row) {
  return {Integer(rows, 0, row),
          {Text(rows, 1, row), Text(rows, 2, row), Integer(rows, 3, row)},
          Text(rows, 4, row),
          Text(rows, 5, row),
          Text(rows, 6, row)};
}

}  // namespace

// BEGIN IMMEDIATE takes the write lock at once (waiting for another process's), so that what a
// transaction reads cannot change before it writes. Rolled back unless committed.
class Outbox::Transaction {
 public:
  explicit Transaction(Poco::Data::Session& session) : session_(session) {
    session_ << "BEGIN IMMEDIATE", now;
  }
  ~Transaction() {
    if (!committed_) {
      try {
        session_ << "ROLLBACK", now;
      } catch (const Poco::Exception&) {  // the transaction is gone already; nothing to undo
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit() {
    session_ << "COMMIT", now;
    committed_ = true;
  }

 private:
  Poco::Data::Session& session_;
  bool committed_ = false;
};

Outbox::Outbox(const std::filesystem::path& store, Mode mode, ProcessOwner me)
    : path_(store), mode_(mode), me_(std::move(me)) {
  try {
    if (mode == Mode::kReadOnly && !std::filesystem::exists(store)) return;  // an empty outbox
    Poco::Data::SQLite::Connector::registerConnector();
    session_ = std::make_unique<Poco::Data::Session>("SQLite", store.string(), kOpenTimeoutSeconds);
    *session_ << "PRAGMA busy_timeout = " + std::to_string(kOpenTimeoutSeconds * 1000), now;
    if (mode == Mode::kReadWrite) CreateTables();
    int tables = 0;
    *session_ << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schedule_runs'",
        into(tables), now;
    tables_exist_ = tables > 0;
    if (tables_exist_)
      *session_ << "SELECT value FROM schedule_meta WHERE key = 'token'", into(store_token_), now;
  } catch (const std::exception& e) {
    throw std::runtime_error("outbox in " + store.string() + ": " + e.what());
  }
}

Outbox::~Outbox() = default;

void Outbox::CreateTables() {
  Transaction transaction(*session_);
  std::string statement;
  for (const char* c = kSchema; *c != '\0'; ++c) {
    statement += *c;
    if (*c == ';') {
      *session_ << statement, now;
      statement.clear();
    }
  }
  int has_token = 0;
  *session_ << "SELECT count(*) FROM schedule_meta WHERE key = 'token'", into(has_token), now;
  if (has_token == 0) {
    *session_ << "INSERT INTO schedule_meta (key, value) VALUES ('token', ?)", bind(RandomToken()), now;
  }
  transaction.Commit();
}

bool Outbox::FireRecorded(const std::string& schedule, std::int64_t fire_ms) {
  if (!tables_exist_) return false;
  int count = 0;
  *session_ << "SELECT count(*) FROM schedule_fires WHERE schedule = ? AND fire_ms = ?", useRef(schedule),
      bind(fire_ms), into(count), now;
  return count > 0;
}

bool Outbox::RecordFire(const std::string& schedule, std::int64_t fire_ms,
                        const std::vector<std::string>& workspaces, std::int64_t now_ms) {
  Transaction transaction(*session_);
  Statement insert_fire(*session_);
  insert_fire << "INSERT OR IGNORE INTO schedule_fires (schedule, fire_ms, recorded_ms) VALUES (?, ?, ?)",
      useRef(schedule), bind(fire_ms), bind(now_ms);
  if (insert_fire.execute() == 0) return false;
  for (const std::string& workspace : workspaces) {
    *session_ << "INSERT OR IGNORE INTO schedule_runs (schedule, workspace, fire_ms, state, created_ms) "
                 "VALUES (?, ?, ?, 'pending', ?)",
        useRef(schedule), useRef(workspace), bind(fire_ms), bind(now_ms), now;
  }
  transaction.Commit();
  return true;
}

bool Outbox::ClaimIsStale(const std::optional<std::string>& owner, std::int64_t lease_until_ms,
                          std::int64_t now_ms) const {
  if (lease_until_ms < now_ms) return true;
  const auto claimant = owner ? ProcessOwner::Parse(*owner) : std::nullopt;
  return !claimant || ClaimantIsGone(*claimant, me_);
}

int Outbox::PendingRuns() {
  if (!tables_exist_) return 0;
  int count = 0;
  *session_ << "SELECT count(*) FROM schedule_runs WHERE state = 'pending'", into(count), now;
  return count;
}

std::optional<std::size_t> Outbox::FirstStaleClaim(const RecordSet& rows, std::size_t owner_column,
                                                   std::size_t lease_column, std::int64_t now_ms) const {
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    if (ClaimIsStale(OptionalText(rows, owner_column, row), Integer(rows, lease_column, row), now_ms))
      return row;
  }
  return std::nullopt;
}

std::optional<ClaimedRun> Outbox::ClaimRun(std::int64_t now_ms, std::int64_t lease_ms) {
  Transaction transaction(*session_);
  // The first pending run; failing that, a claimed run whose claim is stale. Claimed runs are few:
  // one per scheduler at work, and those left by schedulers that died. Poco's RecordSet reads
  // through its Statement, which must outlive it.
  const auto select = [&](Statement& statement, const char* where) {
    statement << std::string(
                     "SELECT run_id, schedule, workspace, fire_ms, owner, lease_until_ms "
                     "FROM schedule_runs WHERE ") +
                     where,
        now;
  };
  const auto claim = [&](const RecordSet& rows, std::size_t row) {
    ClaimedRun claimed{Integer(rows, 0, row),
                       {Text(rows, 1, row), Text(rows, 2, row), Integer(rows, 3, row)}};
    *session_
        << "UPDATE schedule_runs SET state = 'rendering', owner = ?, lease_until_ms = ? WHERE run_id = ?",
        bind(me_.Text()), bind(now_ms + lease_ms), bind(claimed.id), now;
    transaction.Commit();
    return claimed;
  };
  Statement pending_query(*session_), claimed_query(*session_);
  select(pending_query, "state = 'pending' ORDER BY run_id LIMIT 1");
  const RecordSet pending(pending_query);
  if (pending.rowCount() > 0) return claim(pending, 0);
  select(claimed_query, "state = 'rendering' ORDER BY run_id");
  const RecordSet claimed(claimed_query);
  if (const auto row = FirstStaleClaim(claimed, 4, 5, now_ms)) return claim(claimed, *row);
  return std::nullopt;
}

bool Outbox::OwnsRun(std::int64_t run_id) {
  int count = 0;
  *session_ << "SELECT count(*) FROM schedule_runs WHERE run_id = ? AND state = 'rendering' AND owner = ?",
      bind(run_id), bind(me_.Text()), into(count), now;
  return count > 0;
}

void Outbox::InsertDelivery(std::int64_t run_id, const PlannedDelivery& to, const std::string& purpose,
                            const std::optional<std::string>& subject,
                            const std::optional<std::string>& text_body, std::int64_t now_ms) {
  Poco::Nullable<std::string> subject_value, body_value;
  if (subject) subject_value = *subject;
  if (text_body) body_value = *text_body;
  *session_
      << "INSERT INTO schedule_deliveries (run_id, channel, recipient, purpose, state, next_attempt_ms, "
         "subject, text_body, created_ms) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?)",
      bind(run_id), useRef(to.channel), useRef(to.recipient), useRef(purpose), bind(now_ms),
      useRef(subject_value), useRef(body_value), bind(now_ms), now;
}

void Outbox::InsertNotice(std::int64_t run_id, const std::optional<OwnerNotice>& notice,
                          std::int64_t now_ms) {
  if (!notice) return;
  InsertDelivery(run_id, notice->to, "notice", notice->subject, notice->text_body, now_ms);
  // The notice's sender is the run's unless the run never rendered.
  *session_ << "UPDATE schedule_runs SET sender = coalesce(sender, ?) WHERE run_id = ?", useRef(notice->from),
      bind(run_id), now;
}

bool Outbox::FinishRun(std::int64_t run_id, const RenderedRun& rendered, std::int64_t now_ms) {
  Transaction transaction(*session_);
  if (!OwnsRun(run_id)) return false;
  Poco::Nullable<std::string> html;
  if (rendered.html_body) html = *rendered.html_body;
  *session_ << "UPDATE schedule_runs SET state = 'delivering', sender = ?, subject = ?, text_body = ?, "
               "html_body = ?, period = ? WHERE run_id = ?",
      useRef(rendered.from), useRef(rendered.subject), useRef(rendered.text_body), useRef(html),
      useRef(rendered.period), bind(run_id), now;
  for (std::size_t i = 0; i < rendered.files.size(); ++i) {
    const StoredFile& file = rendered.files[i];
    const Poco::Data::BLOB content(reinterpret_cast<const unsigned char*>(file.content.data()),
                                   file.content.size());
    *session_ << "INSERT INTO schedule_files (run_id, position, name, mime_type, content_id, content) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
        bind(run_id), bind(static_cast<int>(i)), useRef(file.name), useRef(file.mime_type),
        useRef(file.content_id), useRef(content), now;
  }
  for (const PlannedDelivery& to : rendered.deliveries) {
    InsertDelivery(run_id, to, "report", std::nullopt, std::nullopt, now_ms);
  }
  UpdateRunStateIfDone(run_id, now_ms);
  transaction.Commit();
  return true;
}

bool Outbox::SkipRun(std::int64_t run_id, const std::string& reason, std::int64_t now_ms) {
  Transaction transaction(*session_);
  if (!OwnsRun(run_id)) return false;
  *session_ << "UPDATE schedule_runs SET state = 'skipped', error = ?, finished_ms = ? WHERE run_id = ?",
      useRef(reason), bind(now_ms), bind(run_id), now;
  transaction.Commit();
  return true;
}

bool Outbox::FailRun(std::int64_t run_id, const std::string& error, const std::optional<OwnerNotice>& notice,
                     std::int64_t now_ms) {
  Transaction transaction(*session_);
  if (!OwnsRun(run_id)) return false;
  *session_ << "UPDATE schedule_runs SET state = 'failed', error = ?, finished_ms = ? WHERE run_id = ?",
      useRef(error), bind(now_ms), bind(run_id), now;
  InsertNotice(run_id, notice, now_ms);
  transaction.Commit();
  return true;
}

std::optional<ClaimedDelivery> Outbox::ClaimDelivery(std::int64_t now_ms, std::int64_t lease_ms,
                                                     std::optional<std::int64_t> run_id) {
  if (!tables_exist_) return std::nullopt;
  Transaction transaction(*session_);
  // The first delivery due; failing that, one being sent under a stale claim (as few as for runs).
  const std::int64_t run_filter = run_id.value_or(-1);
  const auto select = [&](Statement& statement, const char* where, std::optional<std::int64_t> due_by) {
    statement << std::string(
                     "SELECT delivery_id, run_id, channel, recipient, purpose, attempts, owner, "
                     "lease_until_ms FROM schedule_deliveries WHERE (? < 0 OR run_id = ?) AND ") +
                     where,
        bind(run_filter), bind(run_filter);
    if (due_by) statement, bind(*due_by);
    statement.execute();
  };
  const auto claim = [&](const RecordSet& rows, std::size_t row) {
    ClaimedDelivery claimed{Integer(rows, 0, row), Integer(rows, 1, row),
                            Text(rows, 2, row),    Text(rows, 3, row),
                            Text(rows, 4, row),    static_cast<int>(Integer(rows, 5, row)) + 1};
    *session_
        << "UPDATE schedule_deliveries SET state = 'sending', attempts = ?, owner = ?, lease_until_ms = ? "
           "WHERE delivery_id = ?",
        bind(claimed.attempt), bind(me_.Text()), bind(now_ms + lease_ms), bind(claimed.id), now;
    transaction.Commit();
    return claimed;
  };
  Statement due_query(*session_), sending_query(*session_);
  select(due_query, "state = 'pending' AND next_attempt_ms <= ? ORDER BY delivery_id LIMIT 1", now_ms);
  const RecordSet due(due_query);
  if (due.rowCount() > 0) return claim(due, 0);
  select(sending_query, "state = 'sending' ORDER BY delivery_id", std::nullopt);
  const RecordSet sending(sending_query);
  if (const auto row = FirstStaleClaim(sending, 6, 7, now_ms)) return claim(sending, *row);
  return std::nullopt;
}

Delivery Outbox::LoadDelivery(const ClaimedDelivery& claimed) {
  Statement select(*session_);
  select << "SELECT coalesce(d.subject, r.subject, ''), coalesce(d.text_body, r.text_body, ''), r.html_body, "
            "coalesce(r.sender, '') FROM schedule_deliveries d JOIN schedule_runs r ON r.run_id = d.run_id "
            "WHERE d.delivery_id = ?",
      bind(claimed.id), now;
  const RecordSet rows(select);
  if (rows.rowCount() != 1)
    throw std::runtime_error("delivery " + std::to_string(claimed.id) + " is not in the outbox");
  Delivery delivery;
  delivery.subject = Text(rows, 0, 0);
  delivery.text_body = Text(rows, 1, 0);
  delivery.from = Text(rows, 3, 0);
  delivery.idempotency_key = store_token_ + "." + std::to_string(claimed.id);
  if (!claimed.recipient.empty()) delivery.to = {claimed.recipient};
  if (claimed.purpose == "notice") return delivery;
  delivery.html_body = OptionalText(rows, 2, 0);
  std::vector<std::string> names, mime_types, content_ids;
  std::vector<Poco::Data::BLOB> contents;
  *session_
      << "SELECT name, mime_type, content_id, content FROM schedule_files WHERE run_id = ? ORDER BY position",
      bind(claimed.run_id), into(names), into(mime_types), into(content_ids), into(contents), now;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& bytes = contents[i];
    delivery.attachments.push_back(
        {names[i], mime_types[i],
         std::string(reinterpret_cast<const char*>(bytes.rawContent()), bytes.size()), content_ids[i]});
  }
  return delivery;
}

void Outbox::UpdateRunStateIfDone(std::int64_t run_id, std::int64_t now_ms) {
  *session_
      << "UPDATE schedule_runs SET state = 'done', finished_ms = ? WHERE run_id = ? AND state = 'delivering' "
         "AND NOT EXISTS (SELECT 1 FROM schedule_deliveries WHERE run_id = ? AND purpose != 'notice' "
         "AND state IN ('pending', 'sending'))",
      bind(now_ms), bind(run_id), bind(run_id), now;
}

void Outbox::MarkSent(std::int64_t delivery_id, std::int64_t now_ms) {
  Transaction transaction(*session_);
  *session_ << "UPDATE schedule_deliveries SET state = 'sent', sent_ms = ?, owner = NULL, last_error = '' "
               "WHERE delivery_id = ?",
      bind(now_ms), bind(delivery_id), now;
  std::int64_t run_id = 0;
  *session_ << "SELECT run_id FROM schedule_deliveries WHERE delivery_id = ?", bind(delivery_id),
      into(run_id), now;
  UpdateRunStateIfDone(run_id, now_ms);
  transaction.Commit();
}

bool Outbox::MarkTransientFailure(const ClaimedDelivery& delivery, const std::string& error,
                                  const RetryPolicy& policy, const std::optional<OwnerNotice>& notice,
                                  std::int64_t now_ms) {
  if (delivery.attempt >= policy.attempts) {
    MarkPermanentFailure(delivery,
                         error + " (gave up after " + std::to_string(delivery.attempt) + " attempts)", notice,
                         now_ms);
    return true;
  }
  Transaction transaction(*session_);
  *session_ << "UPDATE schedule_deliveries SET state = 'pending', next_attempt_ms = ?, owner = NULL, "
               "last_error = ? WHERE delivery_id = ?",
      bind(now_ms + policy.DelayAfter(delivery.attempt)), useRef(error), bind(delivery.id), now;
  transaction.Commit();
  return false;
}

void Outbox::MarkPermanentFailure(const ClaimedDelivery& delivery, const std::string& error,
                                  const std::optional<OwnerNotice>& notice, std::int64_t now_ms) {
  Transaction transaction(*session_);
  *session_ << "UPDATE schedule_deliveries SET state = 'failed', owner = NULL, last_error = ? WHERE "
               "delivery_id = ?",
      useRef(error), bind(delivery.id), now;
  if (delivery.purpose != "notice") InsertNotice(delivery.run_id, notice, now_ms);
  UpdateRunStateIfDone(delivery.run_id, now_ms);
  transaction.Commit();
}

std::optional<std::int64_t> Outbox::NextRetryDue() {
  if (!tables_exist_) return std::nullopt;
  Poco::Nullable<std::int64_t> due;
  *session_ << "SELECT min(next_attempt_ms) FROM schedule_deliveries WHERE state = 'pending'", into(due), now;
  if (due.isNull()) return std::nullopt;
  return due.value();
}

std::vector<std::int64_t> Outbox::Resend(std::int64_t run_id, const std::vector<std::string>& recipients,
                                         std::int64_t now_ms) {
  Transaction transaction(*session_);
  const auto run = Run(run_id);
  if (!run) throw std::invalid_argument("no run " + std::to_string(run_id) + " in " + path_.string());
  if (run->state != "delivering" && run->state != "done") {
    throw std::invalid_argument("run " + std::to_string(run_id) + " has no report to send (it is " +
                                run->state + (run->error.empty() ? "" : ": " + run->error) + ")");
  }
  std::vector<PlannedDelivery> targets;
  if (recipients.empty()) {
    std::vector<std::string> channels, addresses;
    *session_ << "SELECT DISTINCT channel, recipient FROM schedule_deliveries WHERE run_id = ? AND purpose = "
                 "'report' "
                 "ORDER BY delivery_id",
        bind(run_id), into(channels), into(addresses), now;
    for (std::size_t i = 0; i < channels.size(); ++i) targets.push_back({channels[i], addresses[i]});
  } else {
    for (const auto& address : recipients) targets.push_back({"smtp", address});
  }
  std::vector<std::int64_t> ids;
  for (const auto& target : targets) {
    InsertDelivery(run_id, target, "resend", std::nullopt, std::nullopt, now_ms);
    std::int64_t id = 0;
    *session_ << "SELECT last_insert_rowid()", into(id), now;
    ids.push_back(id);
  }
  *session_ << "UPDATE schedule_runs SET state = 'delivering' WHERE run_id = ?", bind(run_id), now;
  transaction.Commit();
  return ids;
}

std::optional<RunStatus> Outbox::Run(std::int64_t run_id) {
  if (!tables_exist_) return std::nullopt;
  Statement select(*session_);
  select << "SELECT run_id, schedule, workspace, fire_ms, state, period, error FROM schedule_runs WHERE "
            "run_id = ?",
      bind(run_id), now;
  const RecordSet rows(select);
  if (rows.rowCount() == 0) return std::nullopt;
  return RunStatusAt(rows, 0);
}

std::vector<RunStatus> Outbox::RecentRuns(const std::string& schedule, int limit) {
  std::vector<RunStatus> runs;
  if (!tables_exist_) return runs;
  Statement select(*session_);
  select << "SELECT run_id, schedule, workspace, fire_ms, state, period, error FROM schedule_runs "
            "WHERE ? = '' OR schedule = ? ORDER BY fire_ms DESC, run_id DESC LIMIT ?",
      useRef(schedule), useRef(schedule), bind(limit), now;
  const RecordSet rows(select);
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    runs.push_back(RunStatusAt(rows, row));
  }
  return runs;
}

std::vector<DeliveryStatus> Outbox::Deliveries(std::int64_t run_id) {
  std::vector<DeliveryStatus> deliveries;
  if (!tables_exist_) return deliveries;
  Statement select(*session_);
  select << "SELECT delivery_id, run_id, channel, recipient, purpose, state, attempts, next_attempt_ms, "
            "sent_ms, "
            "last_error FROM schedule_deliveries WHERE run_id = ? ORDER BY delivery_id",
      bind(run_id), now;
  const RecordSet rows(select);
  for (std::size_t row = 0; row < rows.rowCount(); ++row) {
    deliveries.push_back({Integer(rows, 0, row), Integer(rows, 1, row), Text(rows, 2, row),
                          Text(rows, 3, row), Text(rows, 4, row), Text(rows, 5, row),
                          static_cast<int>(Integer(rows, 6, row)), Integer(rows, 7, row),
                          Integer(rows, 8, row), Text(rows, 9, row)});
  }
  return deliveries;
}

}  // namespace creditlens::deliver

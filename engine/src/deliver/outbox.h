// The scheduler's persistent run log and outbox, kept in the store's SQLite file beside the data.
//
// A fire of a schedule is recorded once, with one run per workspace it bursts into; each run is
// rendered by one process at a time and its files and deliveries are stored in the same transaction
// that finishes it; each delivery (one per recipient and channel) is sent by one process at a time.
// Processes claim work in BEGIN IMMEDIATE transactions, so two schedulers on one store never take the
// same run or delivery. A claim carries its owner and a lease: a claim whose process is gone (or whose
// lease ran out) is taken over, so work a crashed scheduler held is finished by the next one. The one
// window left is a delivery the server accepted just before a crash, before "sent" was recorded: it
// is sent again with the same idempotency key (docs/schedules.md#reliability).
#pragma once

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "creditlens/deliverer.h"
#include "deliver/process_owner.h"
#include "deliver/retry_policy.h"

namespace creditlens::deliver {

struct RunKey {
  std::string schedule;
  std::string workspace;  // "" for a run over the whole organisation
  std::int64_t fire_ms = 0;
};

struct ClaimedRun {
  std::int64_t id = 0;
  RunKey key;
};

struct StoredFile {
  std::string name, mime_type, content_id, content;
};

struct PlannedDelivery {
  std::string channel;    // the deliverer: "smtp", "file", "webhook"
  std::string recipient;  // an address for smtp; "" for channels without recipients
};

// What a rendered run keeps: the message every delivery of it sends.
struct RenderedRun {
  std::string from, subject, text_body, period;
  std::optional<std::string> html_body;
  std::vector<StoredFile> files;
  std::vector<PlannedDelivery> deliveries;
};

// A message to the schedules' owner about a failure: not a report, so it carries no files.
struct OwnerNotice {
  PlannedDelivery to;
  std::string from, subject, text_body;
};

struct ClaimedDelivery {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  std::string channel, recipient, purpose;  // purpose: report, resend or notice
  int attempt = 0;                          // this one, from 1
};

struct RunStatus {
  std::int64_t id = 0;
  RunKey key;
  std::string state;  // pending, rendering, delivering, done, skipped, failed
  std::string period, error;
};

struct DeliveryStatus {
  std::int64_t id = 0, run_id = 0;
  std::string channel, recipient, purpose, state;  // state: pending, sending, sent, failed
  int attempts = 0;
  std::int64_t next_attempt_ms = 0, sent_ms = 0;
  std::string last_error;
};

class Outbox {
 public:
  enum class Mode { kReadWrite, kReadOnly };

  // Opens the outbox in the SQLite file at store; kReadWrite creates its tables. kReadOnly writes
  // nothing (for dry runs and status) and sees an empty outbox if the file or its tables do not exist.
  // Throws std::runtime_error naming the file.
  Outbox(const std::filesystem::path& store, Mode mode, ProcessOwner me = ProcessOwner::ThisProcess());
  ~Outbox();
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  bool FireRecorded(const std::string& schedule, std::int64_t fire_ms);
  // Records a fire and one pending run per workspace, all or nothing. False when it was recorded
  // before (by this process or another).
  bool RecordFire(const std::string& schedule, std::int64_t fire_ms,
                  const std::vector<std::string>& workspaces, std::int64_t now_ms);

  // How many runs wait to be rendered (for progress).
  int PendingRuns();
  // Takes a pending run, or one whose claimant is gone or whose lease ended.
  std::optional<ClaimedRun> ClaimRun(std::int64_t now_ms, std::int64_t lease_ms);
  // Each ends a claimed run; false when the claim was lost meanwhile (nothing is written then).
  bool FinishRun(std::int64_t run_id, const RenderedRun& rendered, std::int64_t now_ms);
  bool SkipRun(std::int64_t run_id, const std::string& reason, std::int64_t now_ms);
  bool FailRun(std::int64_t run_id, const std::string& error, const std::optional<OwnerNotice>& notice,
               std::int64_t now_ms);

  // Takes a delivery due by now_ms (of run_id only, when given), or one whose claimant is gone or
  // whose lease ended; the claim counts as an attempt.
  std::optional<ClaimedDelivery> ClaimDelivery(std::int64_t now_ms, std::int64_t lease_ms,
                                               std::optional<std::int64_t> run_id = std::nullopt);
  // The message a claimed delivery sends, with its idempotency key.
  Delivery LoadDelivery(const ClaimedDelivery& delivery);
  void MarkSent(std::int64_t delivery_id, std::int64_t now_ms);
  // A transient failure: tried again after the policy's delay, or failed for good once the attempts
  // are spent. Returns true when it failed for good.
  bool MarkTransientFailure(const ClaimedDelivery& delivery, const std::string& error,
                            const RetryPolicy& policy, const std::optional<OwnerNotice>& notice,
                            std::int64_t now_ms);
  void MarkPermanentFailure(const ClaimedDelivery& delivery, const std::string& error,
                            const std::optional<OwnerNotice>& notice, std::int64_t now_ms);
  // When the next delivery waiting for a retry is due, if any.
  std::optional<std::int64_t> NextRetryDue();

  // Queues the run's report again for its recipients (or for `recipients` by smtp, when given).
  // Returns the new deliveries' ids. Throws std::invalid_argument for a run that has no report.
  std::vector<std::int64_t> Resend(std::int64_t run_id, const std::vector<std::string>& recipients,
                                   std::int64_t now_ms);

  std::optional<RunStatus> Run(std::int64_t run_id);
  // The most recent runs first; of one schedule when it is non-empty.
  std::vector<RunStatus> RecentRuns(const std::string& schedule, int limit);
  std::vector<DeliveryStatus> Deliveries(std::int64_t run_id);

 private:
  class Transaction;

  void CreateTables();
  bool ClaimIsStale(const std::optional<std::string>& owner, std::int64_t lease_until_ms,
                    std::int64_t now_ms) const;
  // The first row of rows (with a claim's owner and lease in the columns given) whose claim is stale.
  std::optional<std::size_t> FirstStaleClaim(const Poco::Data::RecordSet& rows, std::size_t owner_column,
                                             std::size_t lease_column, std::int64_t now_ms) const;
  bool OwnsRun(std::int64_t run_id);
  void InsertDelivery(std::int64_t run_id, const PlannedDelivery& to, const std::string& purpose,
                      const std::optional<std::string>& subject, const std::optional<std::string>& text_body,
                      std::int64_t now_ms);
  void InsertNotice(std::int64_t run_id, const std::optional<OwnerNotice>& notice, std::int64_t now_ms);
  void UpdateRunStateIfDone(std::int64_t run_id, std::int64_t now_ms);

  std::filesystem::path path_;
  Mode mode_;
  ProcessOwner me_;
  bool tables_exist_ = false;
  std::string store_token_;  // this store's part of every idempotency key
  std::unique_ptr<Poco::Data::Session> session_;
};

}  // namespace creditlens::deliver

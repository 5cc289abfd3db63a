// The scheduler: fires what is due, renders each run once, and delivers through the outbox with
// retries. One pass (RunPass) serves `schedule run --once`; the daemon repeats passes, sleeping until
// NextWakeUp. Fire times follow the clock it is given (--now for back-fills); claims, leases and
// retry delays follow the real clock.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "creditlens/accounts.h"
#include "creditlens/deliverer.h"
#include "creditlens/source_connector.h"
#include "deliver/outbox.h"
#include "scheduler/schedule_config.h"

namespace creditlens::scheduler {

// The opened deliverer of a channel ("smtp"); throws std::runtime_error when it cannot be had (not
// loaded, bad settings): its deliveries then fail for good.
using DelivererFor = std::function<Deliverer&(const std::string& channel)>;

struct SchedulerSetup {
  const ScheduleConfig* config = nullptr;
  SourceConnector* source = nullptr;  // read again on each pass: accounts change under a daemon
  std::filesystem::path scripts_dir;
  DelivererFor deliverer;
  std::function<bool()> stop_requested = [] { return false; };
  std::int64_t lease_ms = 15 * 60 * 1000;  // how long a claim holds before another process may take it
  std::FILE* log = stdout;                 // a line per fire, run and delivery
};

struct PassSummary {
  int fires = 0, rendered = 0, skipped = 0, failed_runs = 0;
  int sent = 0, retrying = 0, failed_deliveries = 0;
  bool stopped = false;  // stop_requested said so before the pass ended
};

class Scheduler {
 public:
  Scheduler(SchedulerSetup setup, deliver::Outbox& outbox);

  PassSummary RunPass(std::int64_t now_ms);
  // Sends the run's deliveries that are due now (for resend).
  PassSummary DeliverRun(std::int64_t run_id);
  // The next fire time of any unpaused schedule after now_ms, or the next retry, whichever is first.
  std::int64_t NextWakeUp(std::int64_t now_ms);
  // What a pass at now_ms would fire and send, rendered but neither stored nor sent. Returns the
  // number of runs that failed to render.
  int DryRun(std::int64_t now_ms);

 private:
  void LoadAccounts();
  void RecordDueFires(std::int64_t now_ms, PassSummary& summary);
  void RenderClaimedRuns(PassSummary& summary);
  void DeliverDue(std::optional<std::int64_t> run_id, PassSummary& summary);
  void Deliver(const deliver::ClaimedDelivery& claimed, PassSummary& summary);
  std::optional<deliver::OwnerNotice> Notice(const std::string& subject, const std::string& body) const;
  void Log(const char* format, ...) const __attribute__((format(printf, 2, 3)));

  SchedulerSetup setup_;
  deliver::Outbox& outbox_;
  std::vector<Workspace> accounts_;  // as of the pass
};

// The real clock in UTC milliseconds.
std::int64_t WallClockMs();

}  // namespace creditlens::scheduler

#include "scheduler/scheduler.h"

#include <chrono>
#include <cstdarg>
#include <limits>

#include "schedule/fire_time.h"
#include "schedule/next_fire.h"
#include "scheduler/run_renderer.h"
#include "util/progress_bar.h"

namespace creditlens::scheduler {
namespace {

std::string Recipient(const std::string& channel, const std::string& recipient) {
  return recipient.empty() ? channel : recipient + " (" + channel + ")";
}

std::string RunLabel(const deliver::RunKey& key) {
  return key.schedule + " " + (key.workspace.empty() ? "organisation" : key.workspace);
}

}  // namespace

std::int64_t WallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Scheduler::Scheduler(SchedulerSetup setup, deliver::Outbox& outbox)
    : setup_(std::move(setup)), outbox_(outbox) {}

void Scheduler::Log(const char* format, ...) const {
  if (!setup_.log) return;
  va_list args;
  va_start(args, format);
  std::vfprintf(setup_.log, format, args);
  va_end(args);
  std::fputc('\n', setup_.log);
  std::fflush(setup_.log);
}

std::optional<deliver::OwnerNotice> Scheduler::Notice(const std::string& subject,
                                                      const std::string& body) const {
  if (setup_.config->owner.empty()) return std::nullopt;
  return deliver::OwnerNotice{{"smtp", setup_.config->owner}, setup_.config->from, subject, body};
}

void Scheduler::LoadAccounts() {
  accounts_.clear();
  if (const Status loaded = setup_.source->LoadAccounts(accounts_); !loaded.ok()) {
    throw std::runtime_error(loaded.message());
  }
}

PassSummary Scheduler::RunPass(std::int64_t now_ms) {
  PassSummary summary;
  LoadAccounts();
  RecordDueFires(now_ms, summary);
  RenderClaimedRuns(summary);
  if (!summary.stopped) DeliverDue(std::nullopt, summary);
  return summary;
}

PassSummary Scheduler::DeliverRun(std::int64_t run_id) {
  PassSummary summary;
  DeliverDue(run_id, summary);
  return summary;
}

void Scheduler::RecordDueFires(std::int64_t now_ms, PassSummary& summary) {
  for (const ScheduleSpec& spec : setup_.config->schedules) {
    if (spec.paused) continue;
    const auto fire = schedule::LatestFire(spec.cron, spec.zone, now_ms, spec.catch_up_ms);
    if (!fire) continue;
    const auto workspaces = RunWorkspaces(spec, accounts_);
    if (outbox_.RecordFire(spec.name, *fire, workspaces, WallClockMs())) {
      ++summary.fires;
      Log("fire %s at %s: %zu run%s", spec.name.c_str(), schedule::FormatFireTime(spec.zone, *fire).c_str(),
          workspaces.size(), workspaces.size() == 1 ? "" : "s");
    }
  }
}

void Scheduler::RenderClaimedRuns(PassSummary& summary) {
  util::ProgressBar progress("rendering", static_cast<std::uint64_t>(outbox_.PendingRuns()), "reports");
  std::uint64_t done = 0;
  while (!(summary.stopped = setup_.stop_requested())) {
    const auto run = outbox_.ClaimRun(WallClockMs(), setup_.lease_ms);
    if (!run) break;
    const std::string label = RunLabel(run->key);
    const ScheduleSpec* spec = setup_.config->Find(run->key.schedule);
    try {
      if (!spec)
        throw std::runtime_error("schedule '" + run->key.schedule + "' is no longer in the schedule file");
      auto result = RenderRun(*setup_.config, *spec, run->key.workspace, run->key.fire_ms, *setup_.source,
                              accounts_, setup_.scripts_dir);
      if (!result.rendered) {
        if (outbox_.SkipRun(run->id, result.skip_reason, WallClockMs())) ++summary.skipped;
        Log("run %lld %s: skipped, %s", static_cast<long long>(run->id), label.c_str(),
            result.skip_reason.c_str());
      } else if (outbox_.FinishRun(run->id, *result.rendered, WallClockMs())) {
        ++summary.rendered;
        Log("run %lld %s: rendered %s", static_cast<long long>(run->id), label.c_str(),
            result.rendered->period.c_str());
        DeliverDue(run->id, summary);
      }
    } catch (const std::exception& e) {
      const std::string error = e.what();
      const auto notice =
          Notice("creditlens: schedule " + label + " failed to render",
                 "Run " + std::to_string(run->id) + " of schedule '" + run->key.schedule + "' for " +
                     (run->key.workspace.empty() ? "the organisation" : run->key.workspace) +
                     " failed to render, so nothing was sent.\n\n" + error + "\n");
      if (outbox_.FailRun(run->id, error, notice, WallClockMs())) ++summary.failed_runs;
      Log("run %lld %s: FAILED to render: %s", static_cast<long long>(run->id), label.c_str(), error.c_str());
      std::fprintf(stderr, "creditlens: run %lld %s failed to render: %s\n", static_cast<long long>(run->id),
                   label.c_str(), error.c_str());
    }
    ++done;
    progress.Update(done, done);
  }
  progress.Finish();
}

void Scheduler::DeliverDue(std::optional<std::int64_t> run_id, PassSummary& summary) {
  while (!(summary.stopped = setup_.stop_requested())) {
    const auto claimed = outbox_.ClaimDelivery(WallClockMs(), setup_.lease_ms, run_id);
    if (!claimed) return;
    Deliver(*claimed, summary);
  }
}

void Scheduler::Deliver(const deliver::ClaimedDelivery& claimed, PassSummary& summary) {
  const std::string to = Recipient(claimed.channel, claimed.recipient);
  DeliveryResult result = DeliveryResult::Permanent("not attempted");
  try {
    Deliverer& deliverer = setup_.deliverer(claimed.channel);
    result = deliverer.Deliver(outbox_.LoadDelivery(claimed));
  } catch (const std::exception& e) {
    result = DeliveryResult::Permanent(e.what());
  }
  const auto id = static_cast<long long>(claimed.run_id);
  if (result.ok()) {
    outbox_.MarkSent(claimed.id, WallClockMs());
    ++summary.sent;
    Log("run %lld: sent %s to %s", id, claimed.purpose.c_str(), to.c_str());
    return;
  }
  const auto notice = Notice(
      "creditlens: delivery of run " + std::to_string(claimed.run_id) + " to " + to + " failed",
      "Run " + std::to_string(claimed.run_id) + " could not be delivered to " + to + " after " +
          std::to_string(claimed.attempt) + " attempt(s):\n\n" + result.message() +
          "\n\nSend it again with: creditlens schedule resend " + std::to_string(claimed.run_id) + "\n");
  bool gave_up = true;
  if (result.failure() == DeliveryFailure::kTransient) {
    gave_up =
        outbox_.MarkTransientFailure(claimed, result.message(), setup_.config->retry, notice, WallClockMs());
  } else {
    outbox_.MarkPermanentFailure(claimed, result.message(), notice, WallClockMs());
  }
  if (gave_up) {
    ++summary.failed_deliveries;
    Log("run %lld: FAILED %s to %s: %s", id, claimed.purpose.c_str(), to.c_str(), result.message().c_str());
    std::fprintf(stderr, "creditlens: run %lld: delivery to %s failed: %s\n", id, to.c_str(),
                 result.message().c_str());
  } else {
    ++summary.retrying;
    Log("run %lld: will retry %s to %s (attempt %d failed): %s", id, claimed.purpose.c_str(), to.c_str(),
        claimed.attempt, result.message().c_str());
  }
}

std::int64_t Scheduler::NextWakeUp(std::int64_t now_ms) {
  std::int64_t next = std::numeric_limits<std::int64_t>::max();
  for (const ScheduleSpec& spec : setup_.config->schedules) {
    if (spec.paused) continue;
    try {
      next = std::min(next, schedule::NextFire(spec.cron, spec.zone, now_ms));
    } catch (const std::invalid_argument&) {  // never fires again
    }
  }
  if (const auto retry = outbox_.NextRetryDue()) next = std::min(next, *retry);
  return next;
}

int Scheduler::DryRun(std::int64_t now_ms) {
  LoadAccounts();
  int failed = 0;
  for (const ScheduleSpec& spec : setup_.config->schedules) {
    if (spec.paused) {
      Log("%s: paused", spec.name.c_str());
      continue;
    }
    const auto fire = schedule::LatestFire(spec.cron, spec.zone, now_ms, spec.catch_up_ms);
    if (!fire || outbox_.FireRecorded(spec.name, *fire)) {
      Log("%s: nothing due (next %s)", spec.name.c_str(),
          schedule::FormatFireTime(spec.zone, schedule::NextFire(spec.cron, spec.zone, now_ms)).c_str());
      continue;
    }
    Log("%s: would fire at %s", spec.name.c_str(), schedule::FormatFireTime(spec.zone, *fire).c_str());
    for (const std::string& workspace : RunWorkspaces(spec, accounts_)) {
      const std::string label = workspace.empty() ? "organisation" : workspace;
      try {
        const auto result =
            RenderRun(*setup_.config, spec, workspace, *fire, *setup_.source, accounts_, setup_.scripts_dir);
        if (!result.rendered) {
          Log("  %s: would skip: %s", label.c_str(), result.skip_reason.c_str());
          continue;
        }
        std::string files;
        for (const auto& f : result.rendered->files) files += " " + f.name;
        Log("  %s: \"%s\" with%s", label.c_str(), result.rendered->subject.c_str(), files.c_str());
        for (const auto& d : result.rendered->deliveries) {
          Log("    to %s", Recipient(d.channel, d.recipient).c_str());
        }
      } catch (const std::exception& e) {
        ++failed;
        Log("  %s: would FAIL to render: %s", label.c_str(), e.what());
      }
    }
  }
  return failed;
}

}  // namespace creditlens::scheduler

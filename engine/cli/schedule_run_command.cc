// creditlens schedule run: fires what is due and delivers it, once (for a system cron or a
// Kubernetes CronJob) or as a daemon that sleeps until the next fire or retry and stops cleanly on
// SIGTERM or SIGINT; --dry-run prints what would be sent.
#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>

#include "deliver/outbox.h"
#include "install_paths.h"
#include "instant_option.h"
#include "schedule_command.h"
#include "schedule_setup.h"
#include "scheduler/scheduler.h"
#include "source_session.h"

namespace creditlens::cli {
namespace {

constexpr std::int64_t kLongestSleepMs = 60'000;  // the daemon looks at the outbox at least this often

// SIGTERM and SIGINT are blocked and read synchronously: work in progress is never interrupted, and a
// stop request is seen between runs and deliveries or while sleeping.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGINT);
    sigprocmask(SIG_BLOCK, &signals_, nullptr);
  }
  bool Received() { return received_ || Wait(0); }
  // Sleeps up to ms; true when a stop signal came.
  bool Wait(std::int64_t ms) {
    const timespec timeout{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1'000'000};
    while (sigtimedwait(&signals_, nullptr, &timeout) < 0) {
      if (errno != EINTR) return received_;
    }
    return received_ = true;
  }

 private:
  sigset_t signals_;
  bool received_ = false;
};

void PrintSummary(const scheduler::PassSummary& s) {
  std::printf("fired %d; rendered %d, skipped %d, failed %d; sent %d, retrying %d, failed %d\n", s.fires,
              s.rendered, s.skipped, s.failed_runs, s.sent, s.retrying, s.failed_deliveries);
}

int RunSchedules(const ParsedArgs& args, const std::filesystem::path& executable) {
  const int modes = args.Has("once") + args.Has("daemon") + args.Has("dry-run");
  if (modes != 1) throw UsageError("give one of --once, --daemon or --dry-run");
  if (args.Has("daemon") && args.Has("now"))
    throw UsageError("--now is for --once and --dry-run, not --daemon");
  const scheduler::ScheduleConfig config = LoadScheduleConfig(args);
  const std::filesystem::path outbox_path = OutboxPath(args);
  const std::int64_t now_ms = InstantOption(args, "now", model::TimeZone::Utc());

  auto session = OpenSource(args, executable, Access::kRead);
  const bool dry_run = args.Has("dry-run");
  deliver::Outbox outbox(outbox_path,
                         dry_run ? deliver::Outbox::Mode::kReadOnly : deliver::Outbox::Mode::kReadWrite);
  DelivererPool deliverers(session->registry, config, args);
  StopSignals stop;
  scheduler::SchedulerSetup setup;
  setup.config = &config;
  setup.source = session->connector.get();
  setup.scripts_dir = ScriptsDir();
  setup.deliverer = [&](const std::string& channel) -> Deliverer& { return deliverers.For(channel); };
  setup.stop_requested = [&] { return stop.Received(); };
  scheduler::Scheduler scheduler(std::move(setup), outbox);

  if (dry_run) return scheduler.DryRun(now_ms) > 0 ? 1 : 0;
  if (args.Has("once")) {
    const scheduler::PassSummary summary = scheduler.RunPass(now_ms);
    PrintSummary(summary);
    return summary.failed_runs + summary.failed_deliveries > 0 ? 1 : 0;
  }
  std::printf("scheduler started: %zu schedules, outbox %s\n", config.schedules.size(), outbox_path.c_str());
  std::fflush(stdout);
  while (!stop.Received()) {
    const std::int64_t now = scheduler::WallClockMs();
    if (scheduler.RunPass(now).stopped) break;
    const std::int64_t wake = std::min(scheduler.NextWakeUp(now), scheduler::WallClockMs() + kLongestSleepMs);
    if (stop.Wait(std::max<std::int64_t>(wake - scheduler::WallClockMs(), 0))) break;
  }
  std::printf("scheduler stopped\n");
  return 0;
}

}  // namespace

Command ScheduleRunCommand() {
  CommandSpec spec{
      "run", "", "Fire the schedules that are due: render each run once and deliver it through the outbox.",
      "Each (schedule, workspace, fire time) renders and delivers once, across restarts and with\n"
      "several schedulers on one store. A fire runs if it is the latest one at or before now and no\n"
      "older than the schedule's catch_up (default 24h). Transient delivery failures retry with\n"
      "backoff; permanent ones, and reports that failed to render, are reported to the file's owner.\n"
      "--once exits 1 when a run failed to render or a delivery failed for good.",
      ScheduleFileOptions()};
  const std::vector<OptionSpec> more = {
      {"once", "", "fire what is due, deliver, then exit (for a system cron or a Kubernetes CronJob)"},
      {"daemon", "", "keep running: sleep until the next fire or retry; SIGTERM stops it cleanly"},
      {"dry-run", "", "render what is due and print what would be sent; store and send nothing"},
      {"now", "TIME", "run as if it were TIME (ISO-8601 with offset or Z, or YYYY-MM-DD HH:MM UTC)"},
  };
  spec.options.insert(spec.options.end(), more.begin(), more.end());
  const auto source = SourceOptions();
  spec.options.insert(spec.options.end(), source.begin(), source.end());
  return {spec, &RunSchedules};
}

}  // namespace creditlens::cli

// creditlens schedule resend RUN: sends a rendered run's report again, on purpose, to its recipients
// or to the addresses given.
#include <cstdio>

#include "deliver/outbox.h"
#include "schedule_command.h"
#include "schedule_setup.h"
#include "scheduler/scheduler.h"
#include "source_session.h"

namespace creditlens::cli {
namespace {

std::int64_t ParseRunId(const ParsedArgs& args) {
  if (args.positionals().size() != 1)
    throw UsageError("give the run to send again (its number in schedule status)");
  const std::string& text = args.positionals()[0];
  const auto id = ParseInteger(text);
  if (!id || *id <= 0) throw UsageError("RUN expects a run number, got '" + text + "'");
  return *id;
}

int RunResend(const ParsedArgs& args, const std::filesystem::path& executable) {
  const std::int64_t run_id = ParseRunId(args);
  const scheduler::ScheduleConfig config = LoadScheduleConfig(args);
  deliver::Outbox outbox(OutboxPath(args), deliver::Outbox::Mode::kReadWrite);
  plugin::PluginRegistry registry;
  LoadPlugins(registry, args, executable);
  DelivererPool deliverers(registry, config, args);
  const auto queued = [&] {
    try {
      return outbox.Resend(run_id, args.GetAll("to"), scheduler::WallClockMs());
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }();
  scheduler::SchedulerSetup setup;
  setup.config = &config;
  setup.deliverer = [&](const std::string& channel) -> Deliverer& { return deliverers.For(channel); };
  scheduler::Scheduler scheduler(std::move(setup), outbox);
  const scheduler::PassSummary summary = scheduler.DeliverRun(run_id);
  std::printf("queued %zu; sent %d, retrying %d, failed %d\n", queued.size(), summary.sent, summary.retrying,
              summary.failed_deliveries);
  return summary.failed_deliveries > 0 ? 1 : 0;
}

}  // namespace

Command ScheduleResendCommand() {
  CommandSpec spec{"resend", "RUN", "Send a run's report again, on purpose.",
                   "The stored report goes again to the run's recipients, or to each --to address by email.\n"
                   "A failed transient attempt stays queued for the next schedule run.",
                   ScheduleFileOptions()};
  spec.options.push_back({"to", "ADDRESS", "send to this address instead of the run's recipients", true});
  spec.options.push_back({"store", "PATH", "the store holding the run log (default ./creditlens.db)"});
  spec.options.push_back({"plugin-dir", "DIR", "also load plugins from DIR", true});
  return {spec, &RunResend};
}

}  // namespace creditlens::cli

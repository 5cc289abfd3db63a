// creditlens schedule: the command group for report schedules; main.cc runs the subcommand named.
#include "schedule_command.h"

namespace creditlens::cli {

Command ScheduleCommand() {
  CommandSpec spec{"schedule",
                   "",
                   "Run report schedules and check their cron expressions, runs and deliveries.",
                   "Schedules live in a Lua file (examples/schedules.lua): a report, a cron expression read\n"
                   "in an IANA time zone, recipients, formats and message templates. docs/schedules.md\n"
                   "describes the file, the cron syntax, clock changes and how delivery is made reliable.",
                   {}};
  return {spec,
          nullptr,
          {ScheduleNextCommand(), ScheduleRunCommand(), ScheduleStatusCommand(), ScheduleResendCommand()}};
}

}  // namespace creditlens::cli

// creditlens schedule: the command group for report schedules; main.cc runs the subcommand named.
#include "schedule_command.h"

namespace creditlens::cli {

Command ScheduleCommand() {
  CommandSpec spec{"schedule",
                   "",
                   "Work with report schedules: cron expressions in a time zone.",
                   "A schedule is a cron expression read in an IANA time zone; docs/schedules.md describes\n"
                   "the syntax and what happens when a clock change skips or repeats a time.",
                   {}};
  return {spec, nullptr, {ScheduleNextCommand()}};
}

}  // namespace creditlens::cli

// The subcommands of `creditlens schedule`, one file each (schedule_next_command.cc, ...);
// ScheduleCommand in schedule_command.cc gathers them into the command group.
#pragma once

#include "commands.h"

namespace creditlens::cli {

// creditlens schedule next EXPR: the next fire times of a cron expression.
Command ScheduleNextCommand();
// creditlens schedule run --config FILE --once|--daemon|--dry-run: fire and deliver what is due.
Command ScheduleRunCommand();
// creditlens schedule status: runs and deliveries per recipient.
Command ScheduleStatusCommand();
// creditlens schedule resend RUN: send a run's report again.
Command ScheduleResendCommand();

}  // namespace creditlens::cli

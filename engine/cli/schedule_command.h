// The subcommands of `creditlens schedule`, one file each (schedule_next_command.cc, ...);
// ScheduleCommand in schedule_command.cc gathers them into the command group.
#pragma once

#include "commands.h"

namespace creditlens::cli {

// creditlens schedule next EXPR: the next fire times of a cron expression.
Command ScheduleNextCommand();

}  // namespace creditlens::cli

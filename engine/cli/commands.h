// The subcommands: each has a spec (options and help) and a function that runs it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "options.h"

namespace creditlens::cli {

struct Command {
  CommandSpec spec;
  // Runs with the parsed arguments; returns the exit code. Throws UsageError or runtime errors.
  // Null for a command group, which runs the subcommand its first argument names instead.
  int (*run)(const ParsedArgs& args, const std::filesystem::path& executable) = nullptr;
  // A command group's subcommands (creditlens schedule next ...), each named without the group.
  std::vector<Command> subcommands = {};
};

Command AlertsCommand();
Command BacktestCommand();
Command IngestCommand();
Command ReportCommand();
Command PluginsCommand();
Command ProjectCommand();
Command ScheduleCommand();

}  // namespace creditlens::cli

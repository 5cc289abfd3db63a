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
  int (*run)(const ParsedArgs& args, const std::filesystem::path& executable);
};

Command AlertsCommand();
Command IngestCommand();
Command ReportCommand();
Command PluginsCommand();

}  // namespace creditlens::cli

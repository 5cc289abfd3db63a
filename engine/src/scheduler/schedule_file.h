// Reads a schedule file: a Lua script, run in the report sandbox, that returns cl.schedules { ... }
// (examples/schedules.lua). Errors name the file and line.
#pragma once

#include <filesystem>

#include "scheduler/schedule_config.h"

namespace creditlens::scheduler {

// scripts_dir is the creditlens Lua library; `require` also finds modules beside the file.
// Throws ConfigError.
ScheduleConfig LoadScheduleFile(const std::filesystem::path& file, const std::filesystem::path& scripts_dir,
                                const ReportLookup& reports);

}  // namespace creditlens::scheduler

// What the schedule subcommands that send share: the schedule file read, the outbox's place, and
// the delivery plugins opened on first use with the file's settings (and --smtp or
// CREDITLENS_SMTP_URL for the SMTP server).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "options.h"
#include "plugin/plugin_registry.h"
#include "scheduler/schedule_config.h"

namespace creditlens::cli {

// --config, --outbox and --smtp.
std::vector<OptionSpec> ScheduleFileOptions();

// Reads --config; a mistake in the file is a usage error naming its line.
scheduler::ScheduleConfig LoadScheduleConfig(const ParsedArgs& args);

// --outbox, else the SQLite store (--store, or --source sqlite:PATH), else ./creditlens.db.
std::filesystem::path OutboxPath(const ParsedArgs& args);

// Opens each delivery plugin once, when a delivery first needs it. Lives shorter than the registry.
class DelivererPool {
 public:
  DelivererPool(const plugin::PluginRegistry& registry, const scheduler::ScheduleConfig& config,
                const ParsedArgs& args);
  // Throws std::runtime_error for a plugin that is not loaded or will not open with its settings.
  Deliverer& For(const std::string& channel);

 private:
  const plugin::PluginRegistry& registry_;
  std::map<std::string, std::map<std::string, std::string>> settings_;
  std::map<std::string, std::unique_ptr<Deliverer>> open_;
};

}  // namespace creditlens::cli

// Opens the data source a command reads or writes: --store PATH (the embedded SQLite store) or
// --source URI, through the plugin registry, with the plugin's declared settings validated.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "options.h"
#include "plugin/plugin_registry.h"

namespace creditlens::cli {

// The options every data command takes.
std::vector<OptionSpec> SourceOptions();

// Fills every declared setting: given values checked against their type, the rest defaulted.
// Throws UsageError naming an unknown setting or a bad value.
Settings ValidateSettings(const PluginInfo& info, const std::map<std::string, std::string>& given);

struct SourceSession {
  plugin::PluginRegistry registry;  // declared first: outlives the connector it loaded
  std::unique_ptr<SourceConnector> connector;
  std::string description;  // "sqlite:creditlens.db"
};

enum class Access { kRead, kWrite };

// Loads plugins from the search path and opens the source the options name. Only kWrite lets a store
// that declares a "create" setting create itself: a mistyped --store on a report is an error.
std::unique_ptr<SourceSession> OpenSource(const ParsedArgs& args, const std::filesystem::path& executable,
                                          Access access);

// Loads plugins only (for `creditlens plugins`).
void LoadPlugins(plugin::PluginRegistry& registry, const ParsedArgs& args,
                 const std::filesystem::path& executable);

}  // namespace creditlens::cli

// The source settings a command line gives besides the URI: --mapping FILE (JSON, or Lua returning
// cl.mapping { ... }), handed to the plugin as the JSON text of its "mapping" setting with relative
// paths made absolute; and --source-settings FILE, a JSON object of further settings (credential
// files, timeouts), so that nothing secret has to be on the command line.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "creditlens/plugin_settings.h"
#include "options.h"

namespace creditlens::cli {

// Setting values by name, and the directory relative path settings are taken from.
struct GivenSettings {
  std::map<std::string, std::string> values;
  std::filesystem::path base_dir;  // the settings file's folder: relative kPath values are resolved there
};

// Reads --source-settings and --mapping. Throws UsageError naming the file and what is wrong.
GivenSettings ReadSourceSettings(const ParsedArgs& args, const std::filesystem::path& scripts_dir);

// Makes the relative values of kPath settings absolute against base_dir.
void ResolvePaths(const PluginInfo& info, GivenSettings& given);

}  // namespace creditlens::cli

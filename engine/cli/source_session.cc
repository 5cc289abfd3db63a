// Source URIs: "sqlite:PATH" (also what --store PATH means); the default is sqlite:creditlens.db.
#include "source_session.h"

#include <algorithm>

#include "install_paths.h"
#include "source_settings.h"

namespace creditlens::cli {

std::vector<OptionSpec> SourceOptions() {
  return {
      {"store", "PATH", "the embedded SQLite store (default ./creditlens.db)"},
      {"source", "URI", "read from a source plugin instead, e.g. sqlite:/data/usage.db"},
      {"plugin-dir", "DIR", "also load plugins from DIR, before CREDITLENS_PLUGIN_PATH and the defaults",
       true},
      {"mapping", "FILE", "how the source's tables map onto events and accounts (JSON or Lua)"},
      {"source-settings", "FILE", "a JSON object of source plugin settings (e.g. password_file)"},
  };
}

Settings ValidateSettings(const PluginInfo& info, const std::map<std::string, std::string>& given) {
  Settings settings;
  for (const SettingSpec& spec : info.settings) settings[spec.name] = spec.default_value;
  for (const auto& [name, value] : given) {
    const auto spec = std::find_if(info.settings.begin(), info.settings.end(),
                                   [&](const SettingSpec& s) { return s.name == name; });
    if (spec == info.settings.end()) {
      throw UsageError("plugin '" + info.name + "' has no setting '" + name + "' (see creditlens plugins)");
    }
    if (spec->type == SettingType::kInteger) {
      if (!ParseInteger(value)) {
        throw UsageError("setting '" + name + "' of plugin '" + info.name + "' expects an integer, got '" +
                         value + "'");
      }
    }
    if (spec->type == SettingType::kBoolean && value != "true" && value != "false") {
      throw UsageError("setting '" + name + "' of plugin '" + info.name + "' expects true or false, got '" +
                       value + "'");
    }
    settings[name] = value;
  }
  return settings;
}

void LoadPlugins(plugin::PluginRegistry& registry, const ParsedArgs& args,
                 const std::filesystem::path& executable) {
  std::vector<std::filesystem::path> dirs;
  for (const auto& dir : args.GetAll("plugin-dir")) dirs.emplace_back(dir);
  registry.LoadFrom(plugin::PluginSearchPath(dirs, executable));
}

std::unique_ptr<SourceSession> OpenSource(const ParsedArgs& args, const std::filesystem::path& executable,
                                          Access access) {
  if (args.Has("store") && args.Has("source")) throw UsageError("give --store or --source, not both");
  std::string uri =
      args.Has("source") ? *args.Get("source") : "sqlite:" + args.Get("store").value_or("creditlens.db");
  const auto colon = uri.find(':');
  if (colon == std::string::npos || colon == 0) {
    throw UsageError("--source '" + uri +
                     "' is not a source URI (expected scheme:..., e.g. sqlite:usage.db)");
  }
  const std::string scheme = uri.substr(0, colon);
  auto session = std::make_unique<SourceSession>();
  LoadPlugins(session->registry, args, executable);
  session->connector = session->registry.CreateSource(scheme);
  GivenSettings given = ReadSourceSettings(args, ScriptsDir());
  const ConnectorInfo info = session->connector->Describe();
  ResolvePaths(info, given);
  given.values[scheme == "sqlite" ? "path" : "uri"] = uri.substr(colon + 1);
  const bool can_create = std::any_of(info.settings.begin(), info.settings.end(),
                                      [](const SettingSpec& s) { return s.name == "create"; });
  if (access == Access::kWrite && can_create) given.values["create"] = "true";
  const Settings settings = ValidateSettings(info, given.values);
  const Status opened = session->connector->Open(settings);
  if (!opened.ok()) throw std::runtime_error(opened.message());
  session->description = uri;
  return session;
}

}  // namespace creditlens::cli

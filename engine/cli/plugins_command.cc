// creditlens plugins: what loaded (sources and deliverers: name, version, settings) and what failed,
// with the reason.
#include <cstdio>

#include "commands.h"
#include "source_session.h"

namespace creditlens::cli {
namespace {

// "<kind> NAME VERSION[  (qualifier)]", the description, the library and each setting.
void PrintPlugin(const char* kind, const PluginInfo& info, const std::string& qualifier,
                 const std::filesystem::path& library) {
  const std::string shown_qualifier = qualifier.empty() ? "" : "  (" + qualifier + ")";
  std::printf("%s %s %s%s\n  %s\n  library: %s\n  settings:\n", kind, info.name.c_str(), info.version.c_str(),
              shown_qualifier.c_str(), info.description.c_str(), library.c_str());
  for (const auto& setting : info.settings) {
    std::printf("    %-18s %-8s default %-14s %s\n", setting.name.c_str(), ToString(setting.type),
                setting.default_value.empty() ? "(none)" : setting.default_value.c_str(),
                setting.description.c_str());
  }
}

int RunPlugins(const ParsedArgs& args, const std::filesystem::path& executable) {
  plugin::PluginRegistry registry;
  LoadPlugins(registry, args, executable);
  for (const auto& source : registry.sources()) {
    std::string schemes;
    for (const auto& s : source.info.uri_schemes) schemes += (schemes.empty() ? "" : ", ") + s + ":";
    PrintPlugin("source", source.info, schemes, source.library);
  }
  for (const auto& deliverer : registry.deliverers()) {
    PrintPlugin("deliverer", deliverer.info, "", deliverer.library);
  }
  for (const auto& failure : registry.failures()) {
    std::printf("FAILED %s: %s\n", failure.library.c_str(), failure.reason.c_str());
  }
  if (registry.sources().empty() && registry.deliverers().empty() && registry.failures().empty()) {
    std::printf("no plugins found\n");
  }
  return 0;
}

}  // namespace

Command PluginsCommand() {
  CommandSpec spec{"plugins",
                   "",
                   "List the plugins that loaded, with version and settings, and those that failed.",
                   "Plugins are searched in each --plugin-dir, then CREDITLENS_PLUGIN_PATH (':'-separated),\n"
                   "then the build tree, then <prefix>/lib/creditlens/plugins.",
                   {{"plugin-dir", "DIR", "also load plugins from DIR", true}}};
  return {spec, &RunPlugins};
}

}  // namespace creditlens::cli

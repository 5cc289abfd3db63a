// The plugin API version every plugin library exports, whatever its kind (source, deliverer).
#pragma once

namespace creditlens {

// Bumped whenever a plugin interface changes incompatibly; a plugin built against another value is refused.
inline constexpr int kPluginApiVersion = 3;

}  // namespace creditlens

// Every plugin library exports its API version through this C symbol, checked before anything else.
#define CREDITLENS_PLUGIN_API_VERSION_SYMBOL "creditlens_plugin_api_version"
#define CREDITLENS_EXPORT_PLUGIN_API_VERSION()                                            \
  extern "C" __attribute__((visibility("default"))) int creditlens_plugin_api_version() { \
    return ::creditlens::kPluginApiVersion;                                               \
  }

// Finds and loads plugin libraries with Poco::ClassLoader, keyed by kind and name.
// A library that fails to load is recorded with its reason; the others still load.
#pragma once

#include <Poco/ClassLoader.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "creditlens/deliverer.h"
#include "creditlens/source_connector.h"

namespace creditlens::plugin {

struct LoadedSource {
  std::filesystem::path library;
  std::string class_name;
  ConnectorInfo info;
};

struct LoadedDeliverer {
  std::filesystem::path library;
  std::string class_name;
  DelivererInfo info;
};

struct PluginFailure {
  std::filesystem::path library;
  std::string reason;
};

class PluginRegistry {
 public:
  PluginRegistry() = default;
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  // Loads every *.so in each directory, first directory first; a name already loaded is not loaded again.
  void LoadFrom(const std::vector<std::filesystem::path>& directories);

  const std::vector<LoadedSource>& sources() const { return sources_; }
  const std::vector<LoadedDeliverer>& deliverers() const { return deliverers_; }
  const std::vector<PluginFailure>& failures() const { return failures_; }

  // A new, unopened connector serving the URI scheme; throws std::runtime_error naming what is loaded.
  std::unique_ptr<SourceConnector> CreateSource(std::string_view scheme) const;
  // A new, unopened deliverer by its name ("smtp"); throws std::runtime_error naming what is loaded.
  std::unique_ptr<Deliverer> CreateDeliverer(std::string_view name) const;

 private:
  void LoadLibrary(const std::filesystem::path& library);
  void LoadDeliverer(const std::filesystem::path& library);
  // message followed by why each failed library did not load.
  std::string WithFailures(std::string message) const;

  mutable Poco::ClassLoader<SourceConnector> source_loader_;
  mutable Poco::ClassLoader<Deliverer> deliverer_loader_;
  std::vector<LoadedSource> sources_;
  std::vector<LoadedDeliverer> deliverers_;
  std::vector<PluginFailure> failures_;
};

// The plugin directories in search order: each --plugin-dir, then CREDITLENS_PLUGIN_PATH (':'-separated),
// then the build tree's plugin directory, then <prefix>/lib/creditlens/plugins beside the executable.
std::vector<std::filesystem::path> PluginSearchPath(
    const std::vector<std::filesystem::path>& from_command_line, const std::filesystem::path& executable);

}  // namespace creditlens::plugin

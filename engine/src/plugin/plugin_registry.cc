// Plugin loading: the API version symbol is checked before the manifest is trusted.
#include "plugin/plugin_registry.h"

#include <Poco/Exception.h>
#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace creditlens::plugin {
namespace {

const std::string kDelivererManifestSymbol = std::string("pocoBuildManifest") + CREDITLENS_DELIVERER_MANIFEST;

// Reads the library's API version and tells whether it exports deliverers; throws with the reason it is
// unusable. RTLD_NOW resolves every symbol up front, so a plugin linked against something missing fails
// here, by name, rather than aborting the process at its first call.
bool CheckApiVersionAndIsDeliverer(const std::filesystem::path& library) {
  void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) throw std::runtime_error(dlerror());
  const auto api_version = reinterpret_cast<int (*)()>(dlsym(handle, CREDITLENS_PLUGIN_API_VERSION_SYMBOL));
  const int version = api_version ? api_version() : -1;
  const bool is_deliverer = dlsym(handle, kDelivererManifestSymbol.c_str()) != nullptr;
  dlclose(handle);
  if (!api_version) {
    throw std::runtime_error("not a creditlens plugin (no " CREDITLENS_PLUGIN_API_VERSION_SYMBOL " symbol)");
  }
  if (version != kPluginApiVersion) {
    throw std::runtime_error("built for plugin API version " + std::to_string(version) +
                             ", this creditlens has " + std::to_string(kPluginApiVersion));
  }
  return is_deliverer;
}

}  // namespace

PluginRegistry::~PluginRegistry() = default;

void PluginRegistry::LoadFrom(const std::vector<std::filesystem::path>& directories) {
  std::set<std::string> seen;
  for (const auto& loaded : sources_) seen.insert(loaded.library.filename().string());
  for (const auto& loaded : deliverers_) seen.insert(loaded.library.filename().string());
  for (const auto& directory : directories) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) continue;
    std::vector<std::filesystem::path> libraries;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
      if (entry.path().extension() == ".so") libraries.push_back(entry.path());
    }
    std::sort(libraries.begin(), libraries.end());
    for (const auto& library : libraries) {
      if (seen.insert(library.filename().string()).second) LoadLibrary(library);
    }
  }
}

void PluginRegistry::LoadLibrary(const std::filesystem::path& library) {
  try {
    if (CheckApiVersionAndIsDeliverer(library)) {
      LoadDeliverer(library);
      return;
    }
    source_loader_.loadLibrary(library.string());
    const auto* manifest = source_loader_.findManifest(library.string());
    if (!manifest || manifest->empty()) throw std::runtime_error("exports no source connector");
    for (auto it = manifest->begin(); it != manifest->end(); ++it) {
      std::unique_ptr<SourceConnector> probe(it->create());
      sources_.push_back({library, it->name(), probe->Describe()});
    }
  } catch (const Poco::Exception& e) {
    failures_.push_back({library, e.displayText()});
  } catch (const std::exception& e) {
    failures_.push_back({library, e.what()});
  }
}

void PluginRegistry::LoadDeliverer(const std::filesystem::path& library) {
  deliverer_loader_.loadLibrary(library.string(), CREDITLENS_DELIVERER_MANIFEST);
  const auto* manifest = deliverer_loader_.findManifest(library.string());
  if (!manifest || manifest->empty()) throw std::runtime_error("exports no deliverer");
  for (auto it = manifest->begin(); it != manifest->end(); ++it) {
    std::unique_ptr<Deliverer> probe(it->create());
    deliverers_.push_back({library, it->name(), probe->Describe()});
  }
}

std::unique_ptr<Deliverer> PluginRegistry::CreateDeliverer(std::string_view name) const {
  std::string known;
  for (const auto& deliverer : deliverers_) {
    if (deliverer.info.name == name) {
      return std::unique_ptr<Deliverer>(deliverer_loader_.create(deliverer.class_name));
    }
    known += (known.empty() ? "" : ", ") + deliverer.info.name;
  }
  throw std::runtime_error(WithFailures("no deliverer plugin named '" + std::string(name) +
                                        "' (loaded: " + (known.empty() ? "none" : known) + ")"));
}

std::string PluginRegistry::WithFailures(std::string message) const {
  for (const auto& failure : failures_) {
    message += "; " + failure.library.filename().string() + " failed to load: " + failure.reason;
  }
  return message;
}

std::unique_ptr<SourceConnector> PluginRegistry::CreateSource(std::string_view scheme) const {
  for (const auto& source : sources_) {
    const auto& schemes = source.info.uri_schemes;
    if (std::find(schemes.begin(), schemes.end(), scheme) != schemes.end()) {
      return std::unique_ptr<SourceConnector>(source_loader_.create(source.class_name));
    }
  }
  std::string known;
  for (const auto& source : sources_) {
    for (const auto& s : source.info.uri_schemes) known += (known.empty() ? "" : ", ") + s;
  }
  throw std::runtime_error(WithFailures("no source plugin serves '" + std::string(scheme) +
                                        ":' (loaded: " + (known.empty() ? "none" : known) + ")"));
}

std::vector<std::filesystem::path> PluginSearchPath(
    const std::vector<std::filesystem::path>& from_command_line, const std::filesystem::path& executable) {
  std::vector<std::filesystem::path> path = from_command_line;
  if (const char* env = std::getenv("CREDITLENS_PLUGIN_PATH")) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      if (colon != 0) path.emplace_back(rest.substr(0, colon));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  path.emplace_back(CREDITLENS_PLUGIN_BUILD_DIR);
  path.push_back(executable.parent_path().parent_path() / "lib" / "creditlens" / "plugins");
  return path;
}

}  // namespace creditlens::plugin

// Helpers for the deliverer unit tests (deliver_file, deliver_webhook): declared defaults and the
// names a directory holds.
#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "creditlens/deliverer.h"

namespace creditlens::testing {

// Every declared setting at its default, as the engine passes them to Open.
inline Settings DefaultSettings(const Deliverer& deliverer) {
  Settings settings;
  for (const SettingSpec& spec : deliverer.Describe().settings) settings[spec.name] = spec.default_value;
  return settings;
}

inline std::set<std::string> Listing(const std::filesystem::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

}  // namespace creditlens::testing

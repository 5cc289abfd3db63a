// A plugin's settings, declared as data so the engine validates them and documents them.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace creditlens {

enum class SettingType { kString, kInteger, kBoolean, kPath };

struct SettingSpec {
  std::string name;
  SettingType type = SettingType::kString;
  std::string default_value;
  std::string description;
};

// Validated values by setting name; every declared setting is present (defaults filled in).
using Settings = std::map<std::string, std::string>;

// What every plugin says of itself, whatever its kind; `creditlens plugins` lists it.
struct PluginInfo {
  std::string name;         // "sqlite", "smtp"
  std::string version;      // the plugin's own version
  std::string description;  // one line
  std::vector<SettingSpec> settings;
};

inline const char* ToString(SettingType type) {
  switch (type) {
    case SettingType::kInteger:
      return "integer";
    case SettingType::kBoolean:
      return "boolean";
    case SettingType::kPath:
      return "path";
    case SettingType::kString:
      break;
  }
  return "string";
}

}  // namespace creditlens

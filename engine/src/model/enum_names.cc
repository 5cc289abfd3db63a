// Names of the public enums, as they appear in files, settings and documentation.
#include "creditlens/accounts.h"
#include "creditlens/plugin_settings.h"

namespace creditlens {

const char* ToString(WorkspaceKind kind) { return kind == WorkspaceKind::kPersonal ? "personal" : "team"; }

const char* ToString(BillingCycle cycle) { return cycle == BillingCycle::kAnnual ? "annual" : "monthly"; }

const char* ToString(SettingType type) {
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

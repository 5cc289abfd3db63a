// The files source's settings: the path after "files:" in --source, settings given in that URI's
// query ("files:/data/export.csv?focus_credit_price=0.01&accounts=/data/accounts.json"), and the
// plugin's declared settings (--source-settings). A value in the URI wins over the same setting
// given elsewhere.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "creditlens/plugin_settings.h"
#include "exact_decimal.h"

namespace creditlens::files {

// How FOCUS exports become events: credits = cost / price per credit.
struct FocusOptions {
  std::string credit_price_text;  // dollars per credit as written ("0.01"); "" when not set
  ExactDecimal credit_price;      // the same, exactly; > 0 when set
  std::string cost_column = "BilledCost";
  bool priced() const { return !credit_price_text.empty(); }
};

struct FilesOptions {
  std::filesystem::path path;      // a file, or a directory of files
  std::filesystem::path accounts;  // the accounts JSON file; empty: workspaces derived from the events
  FocusOptions focus;
};

// The URI split: its path, and its query's settings (percent-decoded).
struct FilesUri {
  std::string path;
  std::map<std::string, std::string> settings;
};

// Splits at the first '?' (unless the whole URI names an existing file or directory). Throws
// std::invalid_argument for a query item that is not name=value or a bad percent escape.
FilesUri ParseFilesUri(std::string_view uri);

// The cost columns a FOCUS 1.0 export has.
bool IsFocusCostColumn(std::string_view name);

// Reads the settings (every declared one present). Throws std::invalid_argument naming the setting
// and what was expected.
FilesOptions ReadFilesOptions(const Settings& settings);

}  // namespace creditlens::files

// The settings every SQL source declares; the password through the shared reader
// (password_reader.h), kept out of messages.
#include "source_password.h"

#include "password_reader.h"

namespace creditlens::sql {

std::vector<SettingSpec> SqlSourceSettings(const std::string& uri_example) {
  return {
      {"uri", SettingType::kString, "",
       "The server: what follows the scheme in --source, e.g. " + uri_example},
      {"mapping", SettingType::kString, "",
       "The column mapping as JSON text (creditlens reads it from --mapping FILE): the events table, "
       "its columns or SQL expressions, and the accounts"},
      {"password_env", SettingType::kString, "CREDITLENS_SOURCE_PASSWORD",
       "Environment variable holding the password (used when password_file is not set)"},
      {"password_file", SettingType::kPath, "", "File whose first line is the password"},
      {"connect_timeout_s", SettingType::kInteger, "10",
       "Seconds to wait for the server to accept a connection"},
  };
}

std::optional<std::string> ReadSourcePassword(const Settings& settings) {
  const auto setting = [&](const char* name) {
    const auto it = settings.find(name);
    return it == settings.end() ? std::string() : it->second;
  };
  const std::string file = setting("password_file");
  return password::ReadPassword(file, setting("password_env"),
                                "password_file '" + file + "': cannot be read");
}

std::string Redact(std::string text, const std::optional<std::string>& secret) {
  if (!secret || secret->empty()) return text;
  for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at + 3)) {
    text.replace(at, secret->size(), "***");
  }
  return text;
}

}  // namespace creditlens::sql

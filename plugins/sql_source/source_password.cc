// Reads the password setting pair and keeps it out of messages.
#include "source_password.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

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
  const auto file = settings.find("password_file");
  if (file != settings.end() && !file->second.empty()) {
    std::ifstream in(file->second, std::ios::binary);
    if (!in) throw std::runtime_error("password_file '" + file->second + "': cannot be read");
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  const auto env = settings.find("password_env");
  if (env == settings.end() || env->second.empty()) return std::nullopt;
  const char* value = std::getenv(env->second.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

std::string Redact(std::string text, const std::optional<std::string>& secret) {
  if (!secret || secret->empty()) return text;
  for (auto at = text.find(*secret); at != std::string::npos; at = text.find(*secret, at + 3)) {
    text.replace(at, secret->size(), "***");
  }
  return text;
}

}  // namespace creditlens::sql

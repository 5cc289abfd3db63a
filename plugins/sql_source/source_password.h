// The password of a SQL source, from a file or an environment variable: never from the command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "creditlens/plugin_settings.h"

namespace creditlens::sql {

// The common settings of a SQL source plugin: uri, mapping, password_env, password_file,
// connect_timeout_s.
std::vector<SettingSpec> SqlSourceSettings(const std::string& uri_example);

// password_file (its first line) when set, else the variable password_env names when set and
// non-empty, else nothing (trust, peer or certificate authentication). Throws naming the file when
// it cannot be read.
std::optional<std::string> ReadSourcePassword(const Settings& settings);

// text with every occurrence of secret replaced by "***", for driver messages that might echo it.
std::string Redact(std::string text, const std::optional<std::string>& secret);

}  // namespace creditlens::sql

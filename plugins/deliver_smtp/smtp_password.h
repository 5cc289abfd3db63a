// Where the SMTP password comes from: the password_file setting, else CREDITLENS_SMTP_PASSWORD.
// Never the URL, so that it stays out of schedules, logs and process listings.
#pragma once

#include <string>

namespace creditlens::smtp {

inline constexpr const char* kPasswordEnvironmentVariable = "CREDITLENS_SMTP_PASSWORD";

// The file's first line when password_file is given (throws std::runtime_error if it cannot be
// opened), else the environment variable, else "".
std::string LoadPassword(const std::string& password_file);

}  // namespace creditlens::smtp

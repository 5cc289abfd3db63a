// A plugin's password, from a file or an environment variable: never from a URL or the command line,
// so that it stays out of schedules, logs, shell history and process listings.
#pragma once

#include <optional>
#include <string>

namespace creditlens::password {

// The first line of password_file (without its "\n" or "\r\n"; "" for an empty file) when
// password_file is not empty, else the value of the environment variable env_name when that is set
// and not empty, else nothing. Throws std::runtime_error(unreadable_message) when password_file
// cannot be opened: each plugin words it for its own setting.
std::optional<std::string> ReadPassword(const std::string& password_file, const std::string& env_name,
                                        const std::string& unreadable_message);

}  // namespace creditlens::password

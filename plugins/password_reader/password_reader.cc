// Reads the password file's first line, or the environment.
#include "password_reader.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace creditlens::password {

std::optional<std::string> ReadPassword(const std::string& password_file, const std::string& env_name,
                                        const std::string& unreadable_message) {
  if (!password_file.empty()) {
    std::ifstream in(password_file, std::ios::binary);
    if (!in) throw std::runtime_error(unreadable_message);
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  const char* value = env_name.empty() ? nullptr : std::getenv(env_name.c_str());
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace creditlens::password

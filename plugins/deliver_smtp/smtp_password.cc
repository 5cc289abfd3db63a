// Reads the SMTP password from a file or the environment.
#include "smtp_password.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace creditlens::smtp {

std::string LoadPassword(const std::string& password_file) {
  if (password_file.empty()) {
    const char* from_environment = std::getenv(kPasswordEnvironmentVariable);
    return from_environment ? from_environment : "";
  }
  std::ifstream in(password_file);
  std::string password;
  if (!in || !std::getline(in, password)) {
    throw std::runtime_error("cannot read the SMTP password from password_file '" + password_file + "'");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

}  // namespace creditlens::smtp

// The SMTP password through the shared reader (password_reader.h), with the SMTP plugin's wording.
#include "smtp_password.h"

#include "password_reader.h"

namespace creditlens::smtp {

std::string LoadPassword(const std::string& password_file) {
  return password::ReadPassword(password_file, kPasswordEnvironmentVariable,
                                "cannot read the SMTP password from password_file '" + password_file + "'")
      .value_or("");
}

}  // namespace creditlens::smtp

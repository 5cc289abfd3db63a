// A private, short-lived libpq password file: how the password reaches libpq without passing
// through Poco's space-splitting connection string, the environment, or the command line.
#pragma once

#include <string>

namespace creditlens::postgresql {

// One passfile line matching any server: "*:*:*:*:<password>" with ':' and '\' escaped.
std::string PassfileLine(const std::string& password);

// Writes the passfile (mode 0600) on construction and removes it on destruction.
class TemporaryPassfile {
 public:
  explicit TemporaryPassfile(const std::string& password);
  ~TemporaryPassfile();
  TemporaryPassfile(const TemporaryPassfile&) = delete;
  TemporaryPassfile& operator=(const TemporaryPassfile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace creditlens::postgresql

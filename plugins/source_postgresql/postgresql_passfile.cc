// mkstemp creates the file 0600, as libpq requires of a passfile.
#include "postgresql_passfile.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace creditlens::postgresql {

std::string PassfileLine(const std::string& password) {
  std::string line = "*:*:*:*:";
  for (const char c : password) {
    if (c == ':' || c == '\\') line += '\\';
    line += c;
  }
  return line + "\n";
}

TemporaryPassfile::TemporaryPassfile(const std::string& password) {
  std::string pattern = (std::filesystem::temp_directory_path() / "creditlens-pgpass-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0)
    throw std::runtime_error("cannot create a temporary password file: " + std::string(std::strerror(errno)));
  path_ = pattern;
  const std::string line = PassfileLine(password);
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  ::close(fd);
  if (!written) {
    ::unlink(path_.c_str());
    throw std::runtime_error("cannot write the temporary password file " + path_);
  }
}

TemporaryPassfile::~TemporaryPassfile() { ::unlink(path_.c_str()); }

}  // namespace creditlens::postgresql

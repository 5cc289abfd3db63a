// POSIX plumbing for the server fixtures.
#include "server_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace creditlens::sql::testing {

int FreeLoopbackPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("no free loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

int Shell(const std::string& command) { return std::system(command.c_str()); }

std::string ShellQuote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::filesystem::path ServerDirectory(const std::string& prefix, const std::string& user) {
  std::string pattern = "/tmp/" + prefix + "-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  if (::geteuid() == 0) {
    const passwd* account = ::getpwnam(user.c_str());
    if (account == nullptr) throw std::runtime_error("no user '" + user + "' to run the server as");
    if (::chown(pattern.c_str(), account->pw_uid, account->pw_gid) != 0)
      throw std::runtime_error("chown failed");
  }
  return pattern;
}

std::string AsUser(const std::string& user) { return ::geteuid() == 0 ? "runuser -u " + user + " -- " : ""; }

}  // namespace creditlens::sql::testing

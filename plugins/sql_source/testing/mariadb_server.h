// A throwaway MariaDB server for tests: mariadb-install-db in a temp directory, mariadbd on a free
// loopback port, an administrator 'admin'@'127.0.0.1' (password "admin"), killed and removed at the end.
#pragma once

#include <Poco/Data/Session.h>

#include <filesystem>
#include <memory>
#include <string>

namespace creditlens::sql::testing {

class MariadbServer {
 public:
  // Starts a server; nullptr (with why) when MariaDB is not installed.
  static std::unique_ptr<MariadbServer> Start(std::string& why_not);
  ~MariadbServer();

  int port() const { return port_; }
  std::unique_ptr<Poco::Data::Session> Admin(const std::string& database = "") const;

 private:
  MariadbServer() = default;
  std::filesystem::path dir_;
  int port_ = 0;
};

}  // namespace creditlens::sql::testing

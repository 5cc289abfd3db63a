// A throwaway PostgreSQL 15 server for tests: initdb in a temp directory, started on a free loopback
// port (password authentication over TCP, trust for the superuser), stopped and removed at the end.
#pragma once

#include <Poco/Data/Session.h>

#include <filesystem>
#include <memory>
#include <string>

namespace creditlens::sql::testing {

class PostgresqlServer {
 public:
  // Starts a server; nullptr (with why) when PostgreSQL 15 is not installed.
  static std::unique_ptr<PostgresqlServer> Start(std::string& why_not);
  ~PostgresqlServer();

  int port() const { return port_; }
  // A superuser session on database (trust authentication).
  std::unique_ptr<Poco::Data::Session> Admin(const std::string& database = "postgres") const;

 private:
  PostgresqlServer() = default;
  std::filesystem::path dir_;
  int port_ = 0;
};

}  // namespace creditlens::sql::testing

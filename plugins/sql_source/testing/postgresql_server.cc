// initdb + pg_ctl, run as the postgres user when the tests run as root.
#include "postgresql_server.h"

#include <Poco/Data/PostgreSQL/Connector.h>

#include <fstream>
#include <stdexcept>

#include "server_process.h"

namespace creditlens::sql::testing {
namespace {

constexpr const char* kBin = "/usr/lib/postgresql/15/bin/";

}  // namespace

std::unique_ptr<PostgresqlServer> PostgresqlServer::Start(std::string& why_not) {
  if (!std::filesystem::exists(std::string(kBin) + "pg_ctl")) {
    why_not = std::string("PostgreSQL 15 is not installed (") + kBin + "pg_ctl)";
    return nullptr;
  }
  std::unique_ptr<PostgresqlServer> server(new PostgresqlServer);
  server->dir_ = ServerDirectory("cl-pg", "postgres");
  server->port_ = FreeLoopbackPort();
  const std::string as = AsUser("postgres");
  const std::string data = (server->dir_ / "data").string();
  if (Shell(as + kBin + "initdb -D " + ShellQuote(data) + " -U postgres -E UTF8 --locale=C.UTF-8 > " +
            ShellQuote((server->dir_ / "initdb.log").string()) + " 2>&1") != 0) {
    throw std::runtime_error("initdb failed; see " + (server->dir_ / "initdb.log").string());
  }
  {
    std::ofstream hba(data + "/pg_hba.conf", std::ios::trunc);
    hba << "local all all trust\n"
           "host all postgres 127.0.0.1/32 trust\n"
           "host all all 127.0.0.1/32 scram-sha-256\n";
  }
  const std::string options = "-p " + std::to_string(server->port_) + " -k " + server->dir_.string() +
                              " -c listen_addresses=127.0.0.1 -c fsync=off";
  if (Shell(as + kBin + "pg_ctl -D " + ShellQuote(data) + " -o " + ShellQuote(options) + " -l " +
            ShellQuote((server->dir_ / "server.log").string()) + " -w -t 60 start > /dev/null") != 0) {
    throw std::runtime_error("pg_ctl start failed; see " + (server->dir_ / "server.log").string());
  }
  return server;
}

PostgresqlServer::~PostgresqlServer() {
  Shell(AsUser("postgres") + kBin + "pg_ctl -D " + ShellQuote((dir_ / "data").string()) +
        " -m immediate stop > /dev/null 2>&1");
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::unique_ptr<Poco::Data::Session> PostgresqlServer::Admin(const std::string& database) const {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  return std::make_unique<Poco::Data::Session>(
      Poco::Data::PostgreSQL::Connector::KEY,
      "host=127.0.0.1 port=" + std::to_string(port_) + " user=postgres dbname=" + database);
}

}  // namespace creditlens::sql::testing

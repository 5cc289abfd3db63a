// mariadb-install-db, then mariadbd in the background with an init file that creates the admin.
#include "mariadb_server.h"

#include <Poco/Data/MySQL/Connector.h>
#include <Poco/Exception.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "server_process.h"

namespace creditlens::sql::testing {

std::unique_ptr<MariadbServer> MariadbServer::Start(std::string& why_not) {
  if (!std::filesystem::exists("/usr/sbin/mariadbd") ||
      !std::filesystem::exists("/usr/bin/mariadb-install-db")) {
    why_not = "MariaDB is not installed (/usr/sbin/mariadbd; apt-get install mariadb-server)";
    return nullptr;
  }
  std::unique_ptr<MariadbServer> server(new MariadbServer);
  server->dir_ = ServerDirectory("cl-maria", "mysql");
  server->port_ = FreeLoopbackPort();
  const std::string as = AsUser("mysql");
  const auto at = [&](const char* name) { return ShellQuote((server->dir_ / name).string()); };
  if (Shell(as + "mariadb-install-db --no-defaults --datadir=" + at("data") +
            " --auth-root-authentication-method=normal --skip-test-db > " + at("install.log") + " 2>&1") !=
      0) {
    throw std::runtime_error("mariadb-install-db failed; see " + (server->dir_ / "install.log").string());
  }
  {
    std::ofstream init(server->dir_ / "init.sql");
    init << "CREATE USER 'admin'@'127.0.0.1' IDENTIFIED BY 'admin';\n"
            "GRANT ALL ON *.* TO 'admin'@'127.0.0.1' WITH GRANT OPTION;\n";
  }
  Shell(as + "/usr/sbin/mariadbd --no-defaults --datadir=" + at("data") + " --socket=" + at("sock") +
        " --pid-file=" + at("pid") + " --log-error=" + at("error.log") +
        " --port=" + std::to_string(server->port_) +
        " --bind-address=127.0.0.1 --skip-name-resolve --init-file=" + at("init.sql") +
        " --innodb-flush-log-at-trx-commit=0 > /dev/null 2>&1 &");
  Poco::Data::MySQL::Connector::registerConnector();
  for (int attempt = 0;; ++attempt) {
    try {
      server->Admin();
      return server;
    } catch (const Poco::Exception&) {
      if (attempt > 600)
        throw std::runtime_error("mariadbd did not start; see " + (server->dir_ / "error.log").string());
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

MariadbServer::~MariadbServer() {
  // The server this fixture started, by its pid file.
  Shell("kill $(cat " + ShellQuote((dir_ / "pid").string()) + ") 2>/dev/null; for i in $(seq 100); do [ -e " +
        ShellQuote((dir_ / "pid").string()) + " ] || break; sleep 0.1; done");
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::unique_ptr<Poco::Data::Session> MariadbServer::Admin(const std::string& database) const {
  std::string text = "host=127.0.0.1;port=" + std::to_string(port_) + ";user=admin;password=admin;";
  if (!database.empty()) text += "db=" + database + ";";
  return std::make_unique<Poco::Data::Session>(Poco::Data::MySQL::Connector::KEY,
                                               text + "character-set=utf8mb4", 5);
}

}  // namespace creditlens::sql::testing

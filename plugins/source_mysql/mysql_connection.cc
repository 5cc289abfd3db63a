// utf8mb4, so that any text reads back as written.
#include "mysql_connection.h"

#include <stdexcept>

namespace creditlens::mysql {
namespace {

std::string Pair(const std::string& key, const std::string& value, const std::string& what) {
  if (value.find(';') != std::string::npos) {
    throw std::invalid_argument(
        "MySQL source: the " + what +
        " may not contain ';' (Poco's MySQL connector splits its connection string there)");
  }
  return key + "=" + value + ";";
}

}  // namespace

std::string MysqlConnectionString(const sql::ServerUri& uri, const std::optional<std::string>& password) {
  if (!uri.options.empty()) {
    throw std::invalid_argument("source URI: the MySQL source takes no ?options (got '" +
                                uri.options.front().first + "')");
  }
  std::string text = Pair("host", uri.host.empty() ? "localhost" : uri.host, "host");
  text += Pair("port", std::to_string(uri.port.value_or(3306)), "port");
  text += Pair("user", uri.user, "user name");
  if (password) text += Pair("password", *password, "password");
  if (!uri.database.empty()) text += Pair("db", uri.database, "database name");
  return text + "character-set=utf8mb4";
}

}  // namespace creditlens::mysql

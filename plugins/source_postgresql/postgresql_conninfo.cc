// Builds key='value' pairs; quoting keeps a value from adding another pair.
#include "postgresql_conninfo.h"

#include <algorithm>
#include <stdexcept>

namespace creditlens::postgresql {
namespace {

std::string Pair(const std::string& key, const std::string& value) {
  if (value.find_first_of(" \t\r\n") != std::string::npos) {
    throw std::invalid_argument("PostgreSQL source: the " + key +
                                " may not contain spaces (Poco's PostgreSQL connector splits at them)");
  }
  std::string quoted = key + "='";
  for (const char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

}  // namespace

std::string PostgresqlConnectionString(const sql::ServerUri& uri, const std::optional<std::string>& passfile,
                                       int connect_timeout_s) {
  std::vector<std::string> pairs;
  if (!uri.host.empty()) pairs.push_back(Pair("host", uri.host));
  if (uri.port) pairs.push_back(Pair("port", std::to_string(*uri.port)));
  if (!uri.database.empty()) pairs.push_back(Pair("dbname", uri.database));
  if (!uri.user.empty()) pairs.push_back(Pair("user", uri.user));
  bool timeout_given = false;
  for (const auto& [key, value] : uri.options) {
    const bool name_ok = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    });
    if (!name_ok || key == "passfile" || key == "host" || key == "port" || key == "dbname" || key == "user") {
      throw std::invalid_argument("source URI: '" + key + "' is not an option the URI may set");
    }
    timeout_given = timeout_given || key == "connect_timeout";
    pairs.push_back(Pair(key, value));
  }
  if (!timeout_given) pairs.push_back(Pair("connect_timeout", std::to_string(connect_timeout_s)));
  if (passfile) pairs.push_back(Pair("passfile", *passfile));
  std::string text;
  for (const std::string& pair : pairs) text += (text.empty() ? "" : " ") + pair;
  return text;
}

}  // namespace creditlens::postgresql

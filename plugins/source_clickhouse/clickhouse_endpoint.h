// Where a ClickHouse source is and who connects, from the settings every SQL source shares
// (sql_source/source_password.h): the `uri` (what follows "clickhouse:" in
// --source clickhouse://user@host:8123/db) and the password, which never comes from the URI.
#pragma once

#include <cstdint>
#include <string>

#include "creditlens/plugin_settings.h"

namespace creditlens::clickhouse {

struct Endpoint {
  std::string host = "localhost";
  std::uint16_t port = 8123;  // the HTTP interface
  std::string user = "default";
  std::string database = "default";
  std::string password;

  // "host:port", for messages.
  std::string Address() const;
};

// Reads uri, password_env and password_file. Throws std::invalid_argument for a bad URI (one with a
// password, or ?options, which ClickHouse's HTTP interface would take as settings) and
// std::runtime_error for an unreadable password file.
Endpoint EndpointFromSettings(const Settings& settings);

}  // namespace creditlens::clickhouse

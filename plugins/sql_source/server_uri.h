// The server part of a SQL source URI: what follows "postgresql:" or "mysql:" in --source, e.g.
// "//analyst@db.internal:5432/billing?sslmode=require" (the leading "//" is optional).
// Passwords are refused here: they come from password_env or password_file, never the command line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace creditlens::sql {

struct ServerUri {
  std::string user;         // "" when not given
  std::string host;         // "" when not given; an IPv6 address without its brackets
  std::optional<int> port;  // 1..65535 when given
  std::string database;     // "" when not given
  std::vector<std::pair<std::string, std::string>> options;  // ?key=value&..., in order, decoded

  // "db.internal:5432", "[::1]:5432", "localhost" (with default_host/port filled in), for messages.
  std::string Address(std::string_view default_host, int default_port) const;
  // "PostgreSQL at db.internal:5432, database 'billing' as user 'analyst'", for messages.
  std::string Describe(std::string_view server, std::string_view default_host, int default_port) const;
};

// Parses [//][user@]host[:port][/database][?key=value&...]; user, database and option values may be
// percent-encoded. Throws std::invalid_argument saying what is wrong (a password, a bad port, ...).
ServerUri ParseServerUri(std::string_view text);

}  // namespace creditlens::sql

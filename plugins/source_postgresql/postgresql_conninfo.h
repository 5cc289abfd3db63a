// The libpq connection string for a PostgreSQL source, as Poco's PostgreSQL connector takes it:
// key='value' pairs that Poco splits at spaces. Values are quoted and escaped for libpq; a value
// with a space cannot pass through Poco and is refused. The password never appears in it: libpq
// reads it from a passfile (postgresql_passfile.h).
#pragma once

#include <optional>
#include <string>

#include "server_uri.h"

namespace creditlens::postgresql {

// "host='db' port='5432' dbname='billing' user='analyst' connect_timeout='10' passfile='/tmp/..'"
// plus the URI's options (sslmode, sslrootcert, application_name, ...); connect_timeout is added
// unless the URI gives it. Throws std::invalid_argument for an option name libpq cannot have or a
// value holding a space.
std::string PostgresqlConnectionString(const sql::ServerUri& uri, const std::optional<std::string>& passfile,
                                       int connect_timeout_s);

}  // namespace creditlens::postgresql

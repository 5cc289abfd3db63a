// The ClickHouse defaults over the shared URI and password readers.
#include "clickhouse_endpoint.h"

#include <stdexcept>

#include "server_uri.h"
#include "source_password.h"

namespace creditlens::clickhouse {

std::string Endpoint::Address() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Endpoint EndpointFromSettings(const Settings& settings) {
  const sql::ServerUri uri = sql::ParseServerUri(settings.at("uri"));
  if (!uri.options.empty()) {
    throw std::invalid_argument(
        "source URI: the clickhouse source takes no ?options (settings go in --source-settings)");
  }
  Endpoint endpoint;
  if (!uri.host.empty()) endpoint.host = uri.host;
  if (uri.port) endpoint.port = static_cast<std::uint16_t>(*uri.port);
  if (!uri.user.empty()) endpoint.user = uri.user;
  if (!uri.database.empty()) endpoint.database = uri.database;
  endpoint.password = sql::ReadSourcePassword(settings).value_or("");
  return endpoint;
}

}  // namespace creditlens::clickhouse

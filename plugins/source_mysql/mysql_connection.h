// The connection string Poco's MySQL connector takes ("host=..;port=..;user=..;password=..;db=..").
// Poco splits it at ';' with no escaping, so a value holding ';' cannot pass and is refused.
#pragma once

#include <optional>
#include <string>

#include "server_uri.h"

namespace creditlens::mysql {

// Throws std::invalid_argument for a ';' in any part, or for URI options (none are supported).
std::string MysqlConnectionString(const sql::ServerUri& uri, const std::optional<std::string>& password);

}  // namespace creditlens::mysql

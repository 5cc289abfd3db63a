// Opening a Poco::Data session for a SQL source: the driver's failure becomes a message that names
// the server and never the password.
#pragma once

#include <Poco/Data/Session.h>

#include <memory>
#include <optional>
#include <string>

#include "creditlens/plugin_settings.h"

namespace creditlens::sql {

// Opens a session of the Poco connector (its KEY) with connection, waiting connect_timeout_s (a
// setting). Throws std::runtime_error "cannot connect to <server>: <the driver's message on one
// line>", with password blanked out should the driver echo it.
std::unique_ptr<Poco::Data::Session> OpenSession(const std::string& connector, const std::string& connection,
                                                 const Settings& settings, const std::string& server,
                                                 const std::optional<std::string>& password);

}  // namespace creditlens::sql

// The server's own words from a Poco::Data exception, without the driver's wrapping (statement
// text, SQLSTATE lines), for messages that name what the operator must fix.
#pragma once

#include <Poco/Exception.h>

#include <string>

namespace creditlens::sql {

std::string ServerMessage(const Poco::Exception& error);

}  // namespace creditlens::sql

// Poco::Data sessions connect in their constructor; their exceptions carry the driver's text.
#include "open_session.h"

#include <Poco/Exception.h>

#include <stdexcept>

#include "source_password.h"

namespace creditlens::sql {
namespace {

std::string ConnectFailure(const std::string& server, const Poco::Exception& error,
                           const std::optional<std::string>& secret) {
  std::string detail;
  for (const char c : Redact(error.displayText(), secret)) {
    const bool space = c == '\n' || c == '\t' || c == '\r';
    if (space && (detail.empty() || detail.back() == ' ')) continue;
    detail += space ? ' ' : c;
  }
  while (!detail.empty() && detail.back() == ' ') detail.pop_back();
  return "cannot connect to " + server + ": " + detail;
}

}  // namespace

std::unique_ptr<Poco::Data::Session> OpenSession(const std::string& connector, const std::string& connection,
                                                 const Settings& settings, const std::string& server,
                                                 const std::optional<std::string>& password) {
  const auto timeout = static_cast<std::size_t>(std::stoi(settings.at("connect_timeout_s")));
  try {
    return std::make_unique<Poco::Data::Session>(connector, connection, timeout);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error(ConnectFailure(server, e, password));
  }
}

}  // namespace creditlens::sql

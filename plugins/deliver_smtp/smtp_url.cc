// SMTP server URLs, read with Poco::URI; the user name may carry %-escapes ("a%40b.test" for a@b.test).
#include "smtp_url.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <stdexcept>

namespace creditlens::smtp {
namespace {

constexpr std::uint16_t kSmtpPort = 25;
constexpr std::uint16_t kSmtpsPort = 465;

}  // namespace

SmtpServer ParseSmtpUrl(const std::string& url) {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument("SMTP URL '" + url + "' does not parse: " + e.message());
  }
  SmtpServer server;
  if (uri.getScheme() == "smtp") {
    server.transport = Transport::kPlain;
    server.port = kSmtpPort;
  } else if (uri.getScheme() == "smtps") {
    server.transport = Transport::kImplicitTls;
    server.port = kSmtpsPort;
  } else {
    throw std::invalid_argument("SMTP URL '" + url + "' must start with smtp:// or smtps://");
  }
  if (uri.getUserInfo().find(':') != std::string::npos) {
    throw std::invalid_argument(
        "SMTP URL must not carry a password: set CREDITLENS_SMTP_PASSWORD or the password_file setting");
  }
  if (uri.getHost().empty()) throw std::invalid_argument("SMTP URL '" + url + "' names no host");
  if ((!uri.getPath().empty() && uri.getPath() != "/") || !uri.getRawQuery().empty() ||
      !uri.getFragment().empty()) {
    throw std::invalid_argument("SMTP URL '" + url +
                                "' has a path, query or fragment; expected only host:port");
  }
  server.host = uri.getHost();
  if (uri.getSpecifiedPort() != 0) server.port = uri.getSpecifiedPort();
  Poco::URI::decode(uri.getUserInfo(), server.user);
  return server;
}

}  // namespace creditlens::smtp

// Parses the SMTP server URL setting: smtp://[user@]host[:port] or smtps://[user@]host[:port].
#pragma once

#include <cstdint>
#include <string>

namespace creditlens::smtp {

enum class Transport {
  kPlain,        // smtp://, optionally upgraded with STARTTLS
  kImplicitTls,  // smtps://, TLS from the first byte
};

struct SmtpServer {
  Transport transport = Transport::kPlain;
  std::string host;
  std::uint16_t port = 0;
  std::string user;  // empty: no authentication
};

// Throws std::invalid_argument naming what is wrong; a password in the URL is refused.
SmtpServer ParseSmtpUrl(const std::string& url);

}  // namespace creditlens::smtp

// Server URIs: a small hand parser, since the grammar is tiny and the messages must say what is
// wrong; Poco::URI decodes the %-escapes, as for the SMTP URL.
#include "server_uri.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace creditlens::sql {
namespace {

// The URI itself is not echoed: a mistyped one may hold a password.
[[noreturn]] void Fail(const std::string& problem) { throw std::invalid_argument("source URI: " + problem); }

std::string PercentDecode(std::string_view part) {
  std::string out;
  try {
    Poco::URI::decode(std::string(part), out);
  } catch (const Poco::SyntaxException&) {
    Fail("bad percent escape in '" + std::string(part) + "'");
  }
  return out;
}

int ParsePort(std::string_view digits) {
  int port = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || port < 1 ||
      port > 65535) {
    Fail("port '" + std::string(digits) + "' is not a number from 1 to 65535");
  }
  return port;
}

// host[:port] or [v6address][:port]
void ParseHostPort(std::string_view part, ServerUri& uri) {
  if (!part.empty() && part.front() == '[') {
    const auto close = part.find(']');
    if (close == std::string_view::npos) Fail("unclosed '[' in the host");
    uri.host = std::string(part.substr(1, close - 1));
    const std::string_view rest = part.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') Fail("expected ':port' after ']'");
    if (!rest.empty()) uri.port = ParsePort(rest.substr(1));
    return;
  }
  const auto colon = part.find(':');
  uri.host = std::string(part.substr(0, colon));
  if (colon != std::string_view::npos) uri.port = ParsePort(part.substr(colon + 1));
}

}  // namespace

std::string ServerUri::Address(std::string_view default_host, int default_port) const {
  const std::string name = host.empty() ? std::string(default_host) : host;
  const bool v6 = name.find(':') != std::string::npos;
  return (v6 ? "[" + name + "]" : name) + ":" + std::to_string(port.value_or(default_port));
}

std::string ServerUri::Describe(std::string_view server, std::string_view default_host,
                                int default_port) const {
  std::string text = std::string(server) + " at " + Address(default_host, default_port);
  if (!database.empty()) text += ", database '" + database + "'";
  if (!user.empty()) text += " as user '" + user + "'";
  return text;
}

ServerUri ParseServerUri(std::string_view text) {
  ServerUri uri;
  std::string_view rest = text;
  if (rest.starts_with("//")) rest.remove_prefix(2);
  const auto question = rest.find('?');
  const std::string_view query = question == std::string_view::npos ? "" : rest.substr(question + 1);
  rest = rest.substr(0, question);
  const auto slash = rest.find('/');
  if (slash != std::string_view::npos) {
    uri.database = PercentDecode(rest.substr(slash + 1));
    rest = rest.substr(0, slash);
  }
  const auto at = rest.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view userinfo = rest.substr(0, at);
    if (userinfo.find(':') != std::string_view::npos) {
      throw std::invalid_argument(
          "source URI: a password in the URI is refused (it would show in process lists and shell "
          "history); put it in the environment variable named by password_env or in password_file");
    }
    uri.user = PercentDecode(userinfo);
    rest = rest.substr(at + 1);
  }
  ParseHostPort(rest, uri);
  for (std::size_t start = 0; start < query.size();) {
    const auto amp = std::min(query.find('&', start), query.size());
    const std::string_view pair = query.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) Fail("option '" + std::string(pair) + "' is not key=value");
    std::string key = PercentDecode(pair.substr(0, eq));
    if (key == "password" || key == "passwd" || key == "pwd") {
      throw std::invalid_argument(
          "source URI: a password in the URI is refused; use password_env or password_file");
    }
    uri.options.emplace_back(std::move(key), PercentDecode(pair.substr(eq + 1)));
  }
  return uri;
}

}  // namespace creditlens::sql

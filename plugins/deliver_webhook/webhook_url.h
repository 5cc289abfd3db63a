// Parses the webhook's url setting: http:// or https://, never with credentials in it.
#pragma once

#include <cstdint>
#include <string>

namespace creditlens::webhook {

struct WebhookUrl {
  bool https = false;
  std::string host;
  std::uint16_t port = 0;
  std::string target;   // what the request line asks for: path and query, "/hooks/reports?team=ops"
  std::string display;  // for messages: scheme://host[:port]/path, without the query, which may hold a key
};

// Throws std::invalid_argument naming what is wrong; user:password@ in the URL is refused (the token
// comes from the environment, see the token_env setting).
WebhookUrl ParseWebhookUrl(const std::string& url);

}  // namespace creditlens::webhook

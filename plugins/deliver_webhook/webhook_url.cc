// Webhook URLs, read with Poco::URI, which knows the default ports of http and https.
#include "webhook_url.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <stdexcept>

namespace creditlens::webhook {

WebhookUrl ParseWebhookUrl(const std::string& url) {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception& e) {
    throw std::invalid_argument("webhook URL '" + url + "' does not parse: " + e.message());
  }
  if (uri.getScheme() != "http" && uri.getScheme() != "https") {
    throw std::invalid_argument("webhook URL '" + url + "' must start with http:// or https://");
  }
  if (!uri.getUserInfo().empty()) {
    throw std::invalid_argument(
        "webhook URL must not carry credentials: put the token in the environment variable token_env names");
  }
  if (uri.getHost().empty()) throw std::invalid_argument("webhook URL '" + url + "' names no host");
  WebhookUrl parsed;
  parsed.https = uri.getScheme() == "https";
  parsed.host = uri.getHost();
  parsed.port = uri.getPort();
  parsed.target = uri.getPath().empty() ? "/" + uri.getPathAndQuery() : uri.getPathAndQuery();
  uri.setQuery("");
  uri.setFragment("");
  parsed.display = uri.toString();
  return parsed;
}

}  // namespace creditlens::webhook

// Sorts webhook outcomes into ok, transient (retry later) and permanent (give up), each message
// naming the URL and what went wrong.
#pragma once

#include <Poco/Net/HTTPResponse.h>

#include <exception>
#include <string>

#include "creditlens/deliverer.h"

namespace creditlens::webhook {

// 2xx: kNone. 408, 429 and 5xx: transient. Anything else (other 4xx, redirects): permanent.
DeliveryFailure ClassifyHttpStatus(int status);

// Ok for a 2xx reply, else "POST <url>: HTTP/1.1 503 Service Unavailable" with its class.
DeliveryResult ResultFromReply(const std::string& url, const Poco::Net::HTTPResponse& response);

// The result for an exception thrown while talking to the server: refused, reset or dropped
// connections and timeouts are transient; TLS failures, unknown hosts and anything else permanent.
DeliveryResult ResultFromException(const std::string& url, const std::exception& error);

}  // namespace creditlens::webhook

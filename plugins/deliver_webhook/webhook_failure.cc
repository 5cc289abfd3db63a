// Failure classes from the HTTP status and from Poco's exception types.
#include "webhook_failure.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

#include <utility>

namespace creditlens::webhook {

DeliveryFailure ClassifyHttpStatus(int status) {
  if (status >= 200 && status < 300) return DeliveryFailure::kNone;
  if (status == 408 || status == 429 || (status >= 500 && status < 600)) return DeliveryFailure::kTransient;
  return DeliveryFailure::kPermanent;
}

DeliveryResult ResultFromReply(const std::string& url, const Poco::Net::HTTPResponse& response) {
  const DeliveryFailure failure = ClassifyHttpStatus(response.getStatus());
  if (failure == DeliveryFailure::kNone) return DeliveryResult::Ok();
  std::string message = "POST " + url + ": " + response.getVersion() + " " +
                        std::to_string(response.getStatus()) + " " + response.getReason();
  return failure == DeliveryFailure::kTransient ? DeliveryResult::Transient(std::move(message))
                                                : DeliveryResult::Permanent(std::move(message));
}

DeliveryResult ResultFromException(const std::string& url, const std::exception& error) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  std::string message = "POST " + url + ": " + (poco ? poco->displayText() : error.what());
  // TLS handshakes and certificates, and names that do not resolve, fail the same way next time.
  if (!poco || dynamic_cast<const Poco::Net::SSLException*>(poco) ||
      dynamic_cast<const Poco::Net::HostNotFoundException*>(poco)) {
    return DeliveryResult::Permanent(std::move(message));
  }
  // Refused, reset or dropped connections (no reply), timeouts and other I/O errors may pass.
  if (dynamic_cast<const Poco::IOException*>(poco) || dynamic_cast<const Poco::TimeoutException*>(poco)) {
    return DeliveryResult::Transient(std::move(message));
  }
  return DeliveryResult::Permanent(std::move(message));
}

}  // namespace creditlens::webhook

// Failure classes from the HTTP status, else from the network error.
#include "webhook_failure.h"

#include <Poco/Exception.h>

#include <utility>

#include "network_failure.h"

namespace creditlens::webhook {

DeliveryFailure ClassifyHttpStatus(int status) {
  if (status >= 200 && status < 300) return DeliveryFailure::kNone;
  if (status == 408 || status == 429 || (status >= 500 && status < 600)) return DeliveryFailure::kTransient;
  return DeliveryFailure::kPermanent;
}

DeliveryResult ResultFromReply(const std::string& url, const Poco::Net::HTTPResponse& response) {
  const DeliveryFailure failure = ClassifyHttpStatus(response.getStatus());
  if (failure == DeliveryFailure::kNone) return DeliveryResult::Ok();
  return tls::FailedResult(failure, "POST " + url + ": " + response.getVersion() + " " +
                                        std::to_string(response.getStatus()) + " " + response.getReason());
}

DeliveryResult ResultFromException(const std::string& url, const std::exception& error) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  return tls::FailedResult(tls::ClassifyNetworkError(error),
                           "POST " + url + ": " + (poco ? poco->displayText() : error.what()));
}

}  // namespace creditlens::webhook

// Failure classes from Poco's exception types.
#include "network_failure.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

#include <utility>

namespace creditlens::tls {

DeliveryFailure ClassifyNetworkError(const std::exception& error) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  if (!poco || dynamic_cast<const Poco::Net::SSLException*>(poco) ||
      dynamic_cast<const Poco::Net::HostNotFoundException*>(poco)) {
    return DeliveryFailure::kPermanent;
  }
  if (dynamic_cast<const Poco::IOException*>(poco) || dynamic_cast<const Poco::TimeoutException*>(poco)) {
    return DeliveryFailure::kTransient;
  }
  return DeliveryFailure::kPermanent;
}

DeliveryResult FailedResult(DeliveryFailure failure, std::string message) {
  return failure == DeliveryFailure::kTransient ? DeliveryResult::Transient(std::move(message))
                                                : DeliveryResult::Permanent(std::move(message));
}

}  // namespace creditlens::tls

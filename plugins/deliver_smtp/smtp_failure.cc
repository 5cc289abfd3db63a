// Failure classes from the SMTP reply code SMTPException carries, else from the network error.
#include "smtp_failure.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>

#include <string>
#include <utility>

#include "network_failure.h"

namespace creditlens::smtp {

DeliveryFailure ClassifyReplyCode(int code) {
  if (code == 0 || (code >= 400 && code < 500)) return DeliveryFailure::kTransient;
  return DeliveryFailure::kPermanent;
}

DeliveryResult ResultFromException(const std::exception& error) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  std::string text = poco ? poco->displayText() : error.what();
  if (const auto* smtp = dynamic_cast<const Poco::Net::SMTPException*>(&error)) {
    return tls::FailedResult(ClassifyReplyCode(smtp->code()), std::move(text));
  }
  return tls::FailedResult(tls::ClassifyNetworkError(error), std::move(text));
}

}  // namespace creditlens::smtp

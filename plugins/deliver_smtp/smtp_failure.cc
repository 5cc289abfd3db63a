// Failure classes from Poco's exception types and the SMTP reply code SMTPException carries.
#include "smtp_failure.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

#include <string>

namespace creditlens::smtp {
namespace {

DeliveryResult Result(DeliveryFailure failure, std::string message) {
  return failure == DeliveryFailure::kTransient ? DeliveryResult::Transient(std::move(message))
                                                : DeliveryResult::Permanent(std::move(message));
}

}  // namespace

DeliveryFailure ClassifyReplyCode(int code) {
  if (code == 0 || (code >= 400 && code < 500)) return DeliveryFailure::kTransient;
  return DeliveryFailure::kPermanent;
}

DeliveryResult ResultFromException(const std::exception& error) {
  const auto* poco = dynamic_cast<const Poco::Exception*>(&error);
  if (!poco) return DeliveryResult::Permanent(error.what());
  const std::string text = poco->displayText();
  if (dynamic_cast<const Poco::Net::SMTPException*>(poco))
    return Result(ClassifyReplyCode(poco->code()), text);
  // TLS handshakes and certificates, and names that do not resolve, fail the same way next time.
  if (dynamic_cast<const Poco::Net::SSLException*>(poco) ||
      dynamic_cast<const Poco::Net::HostNotFoundException*>(poco)) {
    return DeliveryResult::Permanent(text);
  }
  // Refused, reset or aborted connections, timeouts and other I/O errors may pass.
  if (dynamic_cast<const Poco::IOException*>(poco) || dynamic_cast<const Poco::TimeoutException*>(poco)) {
    return DeliveryResult::Transient(text);
  }
  return DeliveryResult::Permanent(text);
}

}  // namespace creditlens::smtp

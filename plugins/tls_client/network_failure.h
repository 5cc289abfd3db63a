// The failure classes the delivery plugins share for what goes wrong talking to a server through
// Poco::Net (docs/delivery.md#error-classes).
#pragma once

#include <exception>
#include <string>

#include "creditlens/deliverer.h"

namespace creditlens::tls {

// TLS handshakes and certificates and names that do not resolve fail the same way next time
// (permanent); refused, reset or dropped connections, timeouts and other I/O errors may pass
// (transient); anything else, Poco's or not, is permanent.
DeliveryFailure ClassifyNetworkError(const std::exception& error);

// The failed result of that class: transient for kTransient, else permanent.
DeliveryResult FailedResult(DeliveryFailure failure, std::string message);

}  // namespace creditlens::tls

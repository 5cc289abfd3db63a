// Sorts SMTP and network failures into transient (retry later) and permanent (give up).
#pragma once

#include <exception>

#include "creditlens/deliverer.h"

namespace creditlens::smtp {

// 4xx replies, and no reply at all (0, a dropped connection), are transient; anything else permanent.
DeliveryFailure ClassifyReplyCode(int code);

// The result for an exception thrown while talking to the server.
DeliveryResult ResultFromException(const std::exception& error);

}  // namespace creditlens::smtp

// Which values the webhook may put into an HTTP header as they are: visible ASCII only, so that a
// token or key can never end the header line and start another.
#pragma once

#include <string_view>

namespace creditlens::webhook {

// True when every byte is printable ASCII other than space (0x21 to 0x7e); the empty value too.
bool IsHeaderSafe(std::string_view value);

}  // namespace creditlens::webhook

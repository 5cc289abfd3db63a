// A byte-wise check: bytes of UTF-8 sequences (>= 0x80) and control characters fail it.
#include "header_value.h"

#include <algorithm>

namespace creditlens::webhook {

bool IsHeaderSafe(std::string_view value) {
  return std::all_of(value.begin(), value.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

}  // namespace creditlens::webhook

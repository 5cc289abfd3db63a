// The one error a projection's assumptions or saved document can raise.
#pragma once

#include <stdexcept>

namespace creditlens::projection {

// A scenario file or saved projection is wrong. what() names the place ("file.lua:LINE" of the
// declaration, or the JSON file), the field's path and what was expected.
class SpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace creditlens::projection

#include "render/amount_text.h"

#include <cmath>

#include "render/axis_ticks.h"

namespace creditlens::render {
namespace {

constexpr std::int64_t Pow10(int n) { return n == 0 ? 1 : 10 * Pow10(n - 1); }

}  // namespace

std::string CreditsText(MicroCredits credits, bool exact) {
  int decimals = 2;
  while (exact && decimals < 6 && credits % Pow10(6 - decimals) != 0) ++decimals;
  return FormatNumber(MicroCreditsToDouble(credits), decimals);
}

std::string DollarsText(std::int64_t cents) {
  return (cents < 0 ? "-$" : "$") + FormatNumber(std::abs(static_cast<double>(cents)) / 100.0, 2);
}

}  // namespace creditlens::render

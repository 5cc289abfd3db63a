// Exact credit amounts: integer micro-credits, parsed from and printed as decimals.
// Credits are never held in floating point; sums stay exact to the micro-credit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace creditlens {

// One credit is 1'000'000 micro-credits; 6 fractional digits is the data contract's precision.
using MicroCredits = std::int64_t;
inline constexpr MicroCredits kMicrosPerCredit = 1'000'000;

// Parses a plain decimal ("12", "0.25", "3.000001", "-1.5") into micro-credits.
// Returns nothing for anything else: exponents, more than 6 fractional digits, overflow.
std::optional<MicroCredits> ParseMicroCredits(std::string_view text);

// Prints micro-credits as the shortest exact decimal ("12", "0.25", "-3.000001").
std::string FormatMicroCredits(MicroCredits value);

// Converts for display only (charts, dollars); never for sums.
inline double MicroCreditsToDouble(MicroCredits value) {
  return static_cast<double>(value) / static_cast<double>(kMicrosPerCredit);
}

}  // namespace creditlens

// Exact decimals as FOCUS exports write their costs and quantities ("0.00000080000", "-2.6137",
// "1.5E-7"), and the one conversion of such an amount into micro-units: a quotient rounded
// half-even to 6 decimals. No floating point anywhere: money is never a double.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace creditlens::files {

// digits x 10^exponent, exactly.
struct ExactDecimal {
  __extension__ typedef __int128 Digits;
  Digits digits = 0;
  int exponent = 0;

  bool negative() const { return digits < 0; }
};

// Parses [+|-]digits[.digits][(e|E)[+|-]digits], with at least one digit before the exponent.
// Returns nothing for anything else, and for more than 36 significant digits or an exponent beyond
// +-1000 (amounts no export holds).
std::optional<ExactDecimal> ParseExactDecimal(std::string_view text);

// numerator / denominator in micro-units (1e-6), rounded half-even (0.0000005 -> 0, 0.0000015 ->
// 0.000002). Returns nothing when the denominator is zero or the result does not fit in 64 bits.
std::optional<std::int64_t> DivideToMicros(const ExactDecimal& numerator, const ExactDecimal& denominator);

// The value itself in micro-units, rounded half-even; nothing when it does not fit in 64 bits.
std::optional<std::int64_t> ToMicros(const ExactDecimal& value);

}  // namespace creditlens::files

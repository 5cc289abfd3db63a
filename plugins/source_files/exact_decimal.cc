// Exact decimal parsing and the half-even quotient, on 128-bit integers.
#include "exact_decimal.h"

#include <charconv>
#include <limits>

namespace creditlens::files {
namespace {

using Digits = ExactDecimal::Digits;

constexpr int kMaxSignificantDigits = 36;  // < 10^36: a quotient by a power of ten cannot misround
constexpr int kMaxExponent = 1000;

// value x 10^power, or nothing on overflow.
std::optional<Digits> ScaleUp(Digits value, int power) {
  for (int i = 0; i < power; ++i) {
    if (__builtin_mul_overflow(value, Digits{10}, &value)) return std::nullopt;
  }
  return value;
}

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<ExactDecimal> ParseExactDecimal(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t e = text.find_first_of("eE");
  int exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view power = text.substr(e + 1);
    if (!power.empty() && power.front() == '+') power.remove_prefix(1);
    const auto [end, ec] = std::from_chars(power.data(), power.data() + power.size(), exponent);
    if (power.empty() || ec != std::errc{} || end != power.data() + power.size()) return std::nullopt;
    if (exponent > kMaxExponent || exponent < -kMaxExponent) return std::nullopt;
    text = text.substr(0, e);
  }
  const std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() && fraction.empty()) return std::nullopt;
  if (!AllDigits(whole) || !AllDigits(fraction)) return std::nullopt;
  // Zeros that carry no digit of the value: leading ones of the whole part, trailing ones of the fraction.
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
  ExactDecimal out;
  out.exponent = exponent - static_cast<int>(fraction.size());
  int significant = 0;
  for (std::string_view part : {whole, fraction}) {
    for (char c : part) {
      if (out.digits == 0 && c == '0') continue;  // leading zeros of a fraction, as in 0.0008
      if (++significant > kMaxSignificantDigits) return std::nullopt;
      out.digits = out.digits * 10 + (c - '0');
    }
  }
  if (negative) out.digits = -out.digits;
  return out;
}

std::optional<std::int64_t> DivideToMicros(const ExactDecimal& numerator, const ExactDecimal& denominator) {
  if (denominator.digits == 0) return std::nullopt;
  if (numerator.digits == 0) return 0;
  const bool negative = numerator.negative() != denominator.negative();
  Digits top = numerator.negative() ? -numerator.digits : numerator.digits;
  Digits bottom = denominator.negative() ? -denominator.digits : denominator.digits;
  // top x 10^shift / bottom is the value in micro-units.
  const int shift = numerator.exponent - denominator.exponent + 6;
  if (shift >= 0) {
    const auto scaled = ScaleUp(top, shift);
    if (!scaled) return std::nullopt;  // bottom < 10^36: the quotient would exceed 64 bits anyway
    top = *scaled;
  } else {
    const auto scaled = ScaleUp(bottom, -shift);
    if (!scaled) return 0;  // bottom > 2^127 > 2 x top: less than half a micro-unit
    bottom = *scaled;
  }
  Digits quotient = top / bottom;
  const Digits rest = top % bottom;
  if (rest > bottom - rest || (rest == bottom - rest && quotient % 2 == 1)) ++quotient;
  if (quotient > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  const auto magnitude = static_cast<std::int64_t>(quotient);
  return negative ? -magnitude : magnitude;
}

std::optional<std::int64_t> ToMicros(const ExactDecimal& value) { return DivideToMicros(value, {1, 0}); }

}  // namespace creditlens::files

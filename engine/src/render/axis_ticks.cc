#include "render/axis_ticks.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

namespace creditlens::render {
namespace {

double FiniteOrZero(double value) { return std::isfinite(value) ? value : 0.0; }

// Digits after the point that print multiples of `mantissa` * 10^exponent exactly.
int DecimalsFor(double mantissa, int exponent) {
  const int extra = mantissa == 2.5 ? 1 : 0;
  return std::max(0, -exponent + extra);
}

double RoundTo(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(value * scale) / scale;
  return rounded == 0.0 ? 0.0 : rounded;  // no "-0"
}

}  // namespace

AxisTicks NiceTicks(double low, double high, int target) {
  low = FiniteOrZero(low);
  high = FiniteOrZero(high);
  target = std::max(target, 2);
  if (low > high) std::swap(low, high);
  if (low == high) {
    if (low == 0.0) {
      high = 1.0;
    } else {
      const double pad = std::abs(low) * 0.1;
      low -= pad;
      high += pad;
    }
  }
  const double range = high - low;
  const int base_exponent = static_cast<int>(std::floor(std::log10(range / target)));
  constexpr std::array<double, 4> kMantissas = {1.0, 2.0, 2.5, 5.0};

  AxisTicks best;
  double best_count_error = std::numeric_limits<double>::infinity();
  double best_waste = std::numeric_limits<double>::infinity();
  long best_first = 0;
  long best_last = 1;
  for (int exponent = base_exponent - 1; exponent <= base_exponent + 1; ++exponent) {
    for (const double mantissa : kMantissas) {
      const double step = mantissa * std::pow(10.0, exponent);
      // A hair of tolerance so a bound that is already a multiple of step (up to rounding) stays put.
      if (std::abs(low / step) > 1e15 || std::abs(high / step) > 1e15) continue;
      const long first = static_cast<long>(std::floor(low / step + 1e-9));
      const long last = static_cast<long>(std::ceil(high / step - 1e-9));
      const long count = last - first + 1;
      if (count < 2) continue;
      const double count_error = std::abs(static_cast<double>(count - target));
      const double waste = static_cast<double>(last - first) * step - range;
      if (count_error < best_count_error || (count_error == best_count_error && waste < best_waste)) {
        best_count_error = count_error;
        best_waste = waste;
        best.step = step;
        best.decimals = DecimalsFor(mantissa, exponent);
        best_first = first;
        best_last = last;
      }
    }
  }
  if (!std::isfinite(best_count_error)) {  // a range too narrow for its magnitude: two ticks
    best.step = range;
    best.decimals = 0;
    best.values = {low, high};
    best.min = low;
    best.max = high;
    return best;
  }
  best.values.clear();
  for (long i = best_first; i <= best_last; ++i) {
    best.values.push_back(RoundTo(static_cast<double>(i) * best.step, best.decimals));
  }
  best.min = best.values.front();
  best.max = best.values.back();
  return best;
}

std::string FormatNumber(double value, int decimals) {
  value = FiniteOrZero(value);
  decimals = std::clamp(decimals, 0, 12);
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, RoundTo(value, decimals));
  std::string digits = buffer;
  std::string sign;
  if (!digits.empty() && digits.front() == '-') {
    sign = "-";
    digits.erase(0, 1);
  }
  const std::size_t point = digits.find('.');
  std::string integer = digits.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : digits.substr(point);
  std::string grouped;
  grouped.reserve(integer.size() + integer.size() / 3);
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(integer[i]);
  }
  return sign + grouped + fraction;
}

std::string FormatCompact(double value) {
  value = FiniteOrZero(value);
  const double magnitude = std::abs(value);
  const int decimals = magnitude >= 100 ? 0 : (magnitude >= 1 ? 1 : 2);
  std::string text = FormatNumber(value, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

std::string FormatAmount(double value, std::string_view unit, double largest, bool with_word_unit) {
  if (IsCurrencyUnit(unit)) {
    return WithUnit(FormatNumber(value, std::abs(largest) >= 1000 ? 0 : 2), unit, false);
  }
  return WithUnit(FormatCompact(value), unit, with_word_unit);
}

bool IsCurrencyUnit(std::string_view unit) {
  return unit == "$" || unit == "\u20ac" || unit == "\u00a3" || unit == "\u00a5";
}

std::string WithUnit(const std::string& number, std::string_view unit, bool with_word_unit) {
  if (IsCurrencyUnit(unit)) {
    if (!number.empty() && number.front() == '-') return "-" + std::string(unit) + number.substr(1);
    return std::string(unit) + number;
  }
  if (with_word_unit && !unit.empty()) return number + " " + std::string(unit);
  return number;
}

}  // namespace creditlens::render

// Exact money: 128-bit amounts in 1e-16 dollar and half-even rounding to cents.
#include "billing/money.h"

#include <stdexcept>

namespace creditlens::billing {
namespace {

// 1e-16 dollar units per micro-dollar and per cent.
constexpr std::int64_t kUnitsPerMicroDollar = kMicrosPerCredit * kBasisPointsPerWhole;
constexpr std::int64_t kMicroDollarsPerCent = kMicrosPerDollar / 100;

}  // namespace

MicroDollars ParseDollars(std::string_view text, std::string_view what) {
  // Dollars have the same exact six-decimal form as credits.
  const auto micros = ParseMicroCredits(text);
  if (!micros || *micros < 0) {
    throw std::invalid_argument(std::string(what) +
                                ": expected a dollar amount >= 0 with at most 6 decimals, got '" +
                                std::string(text) + "'");
  }
  return *micros;
}

ExactAmount ExactAmount::FromMicroDollars(MicroDollars amount) {
  return ExactAmount(static_cast<Units>(amount) * kUnitsPerMicroDollar);
}

ExactAmount ExactAmount::Charge(MicroCredits credits, MicroDollars price_per_credit,
                                int discount_basis_points) {
  return ExactAmount(static_cast<Units>(credits) * price_per_credit *
                     (kBasisPointsPerWhole - discount_basis_points));
}

ExactAmount& ExactAmount::operator+=(const ExactAmount& other) {
  units_ += other.units_;
  return *this;
}

ExactAmount& ExactAmount::operator-=(const ExactAmount& other) {
  units_ -= other.units_;
  return *this;
}

Cents ExactAmount::RoundToCents() const {
  constexpr Units kUnitsPerCent = static_cast<Units>(kUnitsPerMicroDollar) * kMicroDollarsPerCent;
  const bool negative = units_ < 0;
  const Units magnitude = negative ? -units_ : units_;
  Units cents = magnitude / kUnitsPerCent;
  const Units twice_rest = (magnitude % kUnitsPerCent) * 2;
  if (twice_rest > kUnitsPerCent || (twice_rest == kUnitsPerCent && cents % 2 == 1)) ++cents;
  return static_cast<Cents>(negative ? -cents : cents);
}

std::string FormatCents(Cents cents) {
  const bool negative = cents < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(cents) : cents;
  const std::uint64_t fraction = magnitude % 100;
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + (fraction < 10 ? ".0" : ".") +
         std::to_string(fraction);
}

}  // namespace creditlens::billing

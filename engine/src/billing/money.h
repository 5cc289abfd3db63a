// Money for invoices and recommendations: prices parsed exactly, charges held exactly, and the one
// rounding to cents.
//
// The rounding rule: prices are decimal dollars kept as written in the accounts (at most 6 decimals),
// so they parse exactly into micro-dollars. A charge is credits (micro-credits) times a price
// (micro-dollars per credit), optionally less a discount in basis points; that product is held
// exactly (an ExactAmount, in 1e-16 dollar, so not even the sub-micro-dollar part is lost) and rounded
// ONCE per invoice line, half-even (banker's rounding), to cents:
//   0.125 -> 0.12, 0.135 -> 0.14, 0.145 -> 0.14, 0.1251 -> 0.13, -0.125 -> -0.12.
// Totals add rounded line amounts and never round again.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "creditlens/credits.h"

namespace creditlens::billing {

using MicroDollars = std::int64_t;
inline constexpr MicroDollars kMicrosPerDollar = 1'000'000;
using Cents = std::int64_t;
inline constexpr int kBasisPointsPerWhole = 10'000;  // 800 basis points = 8%

// Parses a decimal dollar amount kept as written ("0.012", "4.6") into micro-dollars. Throws
// std::invalid_argument naming `what` for anything but a plain decimal >= 0 with at most 6 decimals.
MicroDollars ParseDollars(std::string_view text, std::string_view what);

// An exact amount of money before rounding.
class ExactAmount {
 public:
  ExactAmount() = default;
  static ExactAmount FromMicroDollars(MicroDollars amount);
  // credits x price_per_credit x (1 - discount_basis_points / 10000), exactly.
  static ExactAmount Charge(MicroCredits credits, MicroDollars price_per_credit,
                            int discount_basis_points = 0);

  ExactAmount& operator+=(const ExactAmount& other);
  ExactAmount& operator-=(const ExactAmount& other);
  friend ExactAmount operator+(ExactAmount a, const ExactAmount& b) { return a += b; }
  friend ExactAmount operator-(ExactAmount a, const ExactAmount& b) { return a -= b; }
  friend bool operator==(const ExactAmount& a, const ExactAmount& b) { return a.units_ == b.units_; }
  friend std::strong_ordering operator<=>(const ExactAmount& a, const ExactAmount& b) {
    return a.units_ <=> b.units_;
  }

  // The one rounding of a line: half-even to cents.
  Cents RoundToCents() const;

 private:
  __extension__ typedef __int128 Units;  // 1e-16 dollar: micro-credit x micro-dollar x basis point
  explicit ExactAmount(Units units) : units_(units) {}
  Units units_ = 0;
};

// Prints cents as dollars with two decimals and no separators: "12.34", "-0.05", "1000.00".
std::string FormatCents(Cents cents);

}  // namespace creditlens::billing

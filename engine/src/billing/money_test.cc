#include "billing/money.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "billing/billing_test_support.h"

namespace creditlens::billing {
namespace {

constexpr MicroDollars kOneCent = 10'000;  // $0.01 per credit

TEST(Money, RoundsOncePerLineHalfEvenToCents) {
  EXPECT_EQ(ExactAmount::Charge(C("12.5"), kOneCent).RoundToCents(), 12);   // 0.125 -> 0.12
  EXPECT_EQ(ExactAmount::Charge(C("13.5"), kOneCent).RoundToCents(), 14);   // 0.135 -> 0.14
  EXPECT_EQ(ExactAmount::Charge(C("14.5"), kOneCent).RoundToCents(), 14);   // 0.145 -> 0.14
  EXPECT_EQ(ExactAmount::Charge(C("12.51"), kOneCent).RoundToCents(), 13);  // 0.1251 -> 0.13
  EXPECT_EQ(ExactAmount::Charge(C("12.49"), kOneCent).RoundToCents(), 12);
  EXPECT_EQ(ExactAmount::FromMicroDollars(-125'000).RoundToCents(), -12);
  EXPECT_EQ(ExactAmount::FromMicroDollars(-135'000).RoundToCents(), -14);
  EXPECT_EQ(ExactAmount().RoundToCents(), 0);
}

TEST(Money, KeepsWhatIsBelowAMicroDollarUntilTheRounding) {
  // Half a cent rounds to even (0); one picodollar more tips it up: nothing was rounded on the way.
  const ExactAmount half_cent = ExactAmount::FromMicroDollars(5'000);
  EXPECT_EQ(half_cent.RoundToCents(), 0);
  EXPECT_EQ((half_cent + ExactAmount::Charge(1, 1)).RoundToCents(), 1);
  EXPECT_EQ((half_cent - ExactAmount::Charge(1, 1) + ExactAmount::Charge(1, 1)), half_cent);
  // 0.000001 credit at $0.012 is 1.2e-8 dollars; a million of them are exactly 1.2 cents.
  ExactAmount sum;
  for (int i = 0; i < 1'000'000; ++i) sum += ExactAmount::Charge(1, 12'000);
  EXPECT_EQ(sum, ExactAmount::Charge(C(1), 12'000));
  EXPECT_EQ(sum.RoundToCents(), 1);
}

TEST(Money, DiscountsAreExact) {
  EXPECT_EQ(ExactAmount::Charge(C(1000), kOneCent, 800).RoundToCents(), 920);  // 8% off $10
  // 1000 x $0.0125 x 0.83 = $10.375 -> 10.38 (1037.5 cents, to even)
  EXPECT_EQ(ExactAmount::Charge(C(1000), ParseDollars("0.0125", "price"), 1700).RoundToCents(), 1038);
  EXPECT_LT(ExactAmount::Charge(C(1), kOneCent, 100), ExactAmount::Charge(C(1), kOneCent));
}

TEST(Money, ParsesDollarsExactlyAndSaysWhatIsWrong) {
  EXPECT_EQ(ParseDollars("4.6", "price"), 4'600'000);
  EXPECT_EQ(ParseDollars("0.012", "price"), 12'000);
  EXPECT_EQ(ParseDollars("0", "price"), 0);
  EXPECT_THROW(ParseDollars("-1", "price"), std::invalid_argument);
  EXPECT_THROW(ParseDollars("0.0000001", "price"), std::invalid_argument);
  try {
    ParseDollars("1e3", "grant g1 price");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "grant g1 price: expected a dollar amount >= 0 with at most 6 decimals, got '1e3'");
  }
}

TEST(Money, FormatsCents) {
  EXPECT_EQ(FormatCents(1234), "12.34");
  EXPECT_EQ(FormatCents(5), "0.05");
  EXPECT_EQ(FormatCents(-5), "-0.05");
  EXPECT_EQ(FormatCents(100'000), "1000.00");
  EXPECT_EQ(FormatCents(0), "0.00");
}

}  // namespace
}  // namespace creditlens::billing

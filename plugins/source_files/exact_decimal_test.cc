#include "exact_decimal.h"

#include <gtest/gtest.h>

namespace creditlens::files {
namespace {

// cost / price in micro-credits, both parsed from text.
std::optional<std::int64_t> Credits(std::string_view cost, std::string_view price) {
  const auto c = ParseExactDecimal(cost);
  const auto p = ParseExactDecimal(price);
  if (!c || !p) ADD_FAILURE() << "unparsed: " << cost << " / " << price;
  return DivideToMicros(*c, *p);
}

TEST(ParseExactDecimal, KeepsEveryDigit) {
  const auto cost = ParseExactDecimal("0.00000080000");
  ASSERT_TRUE(cost);
  EXPECT_EQ(static_cast<long long>(cost->digits), 8);
  EXPECT_EQ(cost->exponent, -7);
  const auto negative = ParseExactDecimal("-2.61370000000");
  ASSERT_TRUE(negative);
  EXPECT_TRUE(negative->negative());
  EXPECT_EQ(static_cast<long long>(negative->digits), -26137);
  EXPECT_EQ(negative->exponent, -4);
  const auto big = ParseExactDecimal("123456789012345678901234567890.123456");  // 36 digits
  ASSERT_TRUE(big);
  EXPECT_EQ(big->exponent, -6);
}

TEST(ParseExactDecimal, AcceptsTheFormsExportsWrite) {
  for (const char* text : {"0", "-0", "+1", "7.", ".5", "000.100", "1.5E-7", "2e3", "3E+2",
                           "0.000000000000000000000000000000000000000000001"}) {
    EXPECT_TRUE(ParseExactDecimal(text)) << text;
  }
}

TEST(ParseExactDecimal, RefusesWhatIsNotADecimal) {
  for (const char* text : {"", ".", "-", "NULL", "1,5", "1.2.3", "$1", "1e", "e5", "1e5.5", " 1", "1 ",
                           "0x10", "1234567890123456789012345678901234567", "1e1001"}) {
    EXPECT_FALSE(ParseExactDecimal(text)) << text;
  }
}

TEST(DivideToMicros, ConvertsCostsAtAPriceExactly) {
  EXPECT_EQ(Credits("0.00000080000", "0.01"), 80);       // 0.00008 credits
  EXPECT_EQ(Credits("0.00001605990", "0.01"), 1606);     // 0.001605990 -> 0.001606
  EXPECT_EQ(Credits("12.5", "0.01"), 1'250'000'000);     // 1250 credits
  EXPECT_EQ(Credits("0.01", "0.03"), 333'333);           // 0.333333...
  EXPECT_EQ(Credits("0.02", "0.03"), 666'667);           // 0.666666... rounds up
  EXPECT_EQ(Credits("0.1", "0.003"), 33'333'333);        // a double would give 33.33333333333334
  EXPECT_EQ(Credits("1.5E-7", "0.0000001"), 1'500'000);  // exponents
}

TEST(DivideToMicros, RoundsHalfToEven) {
  EXPECT_EQ(Credits("0.0000005", "1"), 0);
  EXPECT_EQ(Credits("0.0000015", "1"), 2);
  EXPECT_EQ(Credits("0.0000025", "1"), 2);
  EXPECT_EQ(Credits("0.00000250001", "1"), 3);
  EXPECT_EQ(Credits("0.0000035", "1"), 4);
  EXPECT_EQ(Credits("0.00000000729", "0.01"), 1);  // 0.000000729 credits
  EXPECT_EQ(Credits("-0.0000025", "1"), -2);       // symmetric for negatives
  EXPECT_EQ(Credits("-0.0000035", "1"), -4);
}

TEST(DivideToMicros, RefusesWhatDoesNotFit) {
  EXPECT_EQ(Credits("9223372036854.775807", "1"), INT64_MAX);
  EXPECT_FALSE(Credits("9223372036854.775808", "1"));
  EXPECT_FALSE(Credits("1e30", "0.01"));
  EXPECT_FALSE(Credits("1", "0"));
  EXPECT_EQ(Credits("1e-40", "1"), 0);
  EXPECT_EQ(Credits("5", "1e100"), 0);  // the scaled divisor overflows: far below half a micro-credit
  EXPECT_EQ(Credits("0", "1e-100"), 0);
}

TEST(ToMicros, RoundsQuantitiesToSixDecimals) {
  EXPECT_EQ(ToMicros(*ParseExactDecimal("0.002007490000000")), 2007);
  EXPECT_EQ(ToMicros(*ParseExactDecimal("2.000000000000000")), 2'000'000);
  EXPECT_EQ(ToMicros(*ParseExactDecimal("0.0000005")), 0);
}

}  // namespace
}  // namespace creditlens::files

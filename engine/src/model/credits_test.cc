#include "creditlens/credits.h"

#include <gtest/gtest.h>

namespace creditlens {
namespace {

TEST(ParseMicroCredits, AcceptsPlainDecimals) {
  EXPECT_EQ(ParseMicroCredits("12"), 12'000'000);
  EXPECT_EQ(ParseMicroCredits("0.25"), 250'000);
  EXPECT_EQ(ParseMicroCredits("3.000001"), 3'000'001);
  EXPECT_EQ(ParseMicroCredits(".5"), 500'000);
  EXPECT_EQ(ParseMicroCredits("7."), 7'000'000);
  EXPECT_EQ(ParseMicroCredits("-1.5"), -1'500'000);
  EXPECT_EQ(ParseMicroCredits("+2"), 2'000'000);
}

TEST(ParseMicroCredits, RefusesWhatIsNotExact) {
  EXPECT_FALSE(ParseMicroCredits(""));
  EXPECT_FALSE(ParseMicroCredits("."));
  EXPECT_FALSE(ParseMicroCredits("1.0000001"));  // 7 fractional digits
  EXPECT_FALSE(ParseMicroCredits("1e3"));
  EXPECT_FALSE(ParseMicroCredits("12abc"));
  EXPECT_FALSE(ParseMicroCredits("1.2.3"));
  EXPECT_FALSE(ParseMicroCredits("99999999999999999999"));
  EXPECT_FALSE(ParseMicroCredits("9223372036854.775808"));  // one micro past int64
}

TEST(FormatMicroCredits, PrintsShortestExactDecimal) {
  EXPECT_EQ(FormatMicroCredits(12'000'000), "12");
  EXPECT_EQ(FormatMicroCredits(250'000), "0.25");
  EXPECT_EQ(FormatMicroCredits(3'000'001), "3.000001");
  EXPECT_EQ(FormatMicroCredits(-1'500'000), "-1.5");
  EXPECT_EQ(FormatMicroCredits(0), "0");
}

TEST(MicroCredits, SumsOfDecimalsStayExact) {
  // 0.1 added ten million times drifts in double; in micro-credits it is exactly one million.
  MicroCredits sum = 0;
  for (int i = 0; i < 10'000'000; ++i) sum += *ParseMicroCredits("0.1");
  EXPECT_EQ(FormatMicroCredits(sum), "1000000");
}

}  // namespace
}  // namespace creditlens

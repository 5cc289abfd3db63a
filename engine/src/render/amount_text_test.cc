// Tests for how reports print exact amounts: grouped credits, exact decimals on request, and dollars.
#include "render/amount_text.h"

#include <gtest/gtest.h>

namespace creditlens::render {
namespace {

TEST(AmountTextTest, CreditsShowTwoDecimalsWithSeparators) {
  EXPECT_EQ(CreditsText(12'345'500'000), "12,345.50");
  EXPECT_EQ(CreditsText(-1'234'000'000), "-1,234.00");
  EXPECT_EQ(CreditsText(1'000), "0.00");
}

TEST(AmountTextTest, ExactCreditsShowEveryDecimalTheyHave) {
  EXPECT_EQ(CreditsText(1'000, true), "0.001");
  EXPECT_EQ(CreditsText(1'234'567'891, true), "1,234.567891");
  EXPECT_EQ(CreditsText(2'500'000, true), "2.50");
}

TEST(AmountTextTest, DollarsCarryTheSignInFront) {
  EXPECT_EQ(DollarsText(123'456), "$1,234.56");
  EXPECT_EQ(DollarsText(-5), "-$0.05");
  EXPECT_EQ(DollarsText(0), "$0.00");
}

}  // namespace
}  // namespace creditlens::render

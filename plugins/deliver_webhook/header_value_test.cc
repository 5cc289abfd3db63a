#include "header_value.h"

#include <gtest/gtest.h>

namespace creditlens::webhook {
namespace {

TEST(HeaderValueTest, VisibleAsciiOnly) {
  EXPECT_TRUE(IsHeaderSafe(""));
  EXPECT_TRUE(IsHeaderSafe("eyJhbGciOi.J9-_~+/="));
  EXPECT_FALSE(IsHeaderSafe("abc\r\nX-Injected: 1"));
  EXPECT_FALSE(IsHeaderSafe("two words"));
  EXPECT_FALSE(IsHeaderSafe("tök3n"));
  EXPECT_FALSE(IsHeaderSafe(std::string_view("a\0b", 3)));
}

}  // namespace
}  // namespace creditlens::webhook

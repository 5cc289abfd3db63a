#include "model/timestamp.h"

#include <gtest/gtest.h>

namespace creditlens::model {
namespace {

TEST(ParseIsoTimestamp, ReadsUtcAndOffsets) {
  EXPECT_EQ(ParseIsoTimestamp("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIsoTimestamp("2026-03-01T12:00:00.250Z"), 1772366400250);
  EXPECT_EQ(ParseIsoTimestamp("2026-03-01T13:00:00.250+01:00"), 1772366400250);
  EXPECT_EQ(ParseIsoTimestamp("2026-03-01T17:30:00.250+05:30"), 1772366400250);
  EXPECT_EQ(ParseIsoTimestamp("2026-03-01T06:15:00.25-05:45"), 1772366400250);
  EXPECT_EQ(ParseIsoTimestamp("2026-03-01 12:00:00Z"), 1772366400000);
  EXPECT_EQ(ParseIsoTimestamp("2026-03-01T12:00:00.123456Z"), 1772366400123);  // beyond ms truncated
}

TEST(ParseIsoTimestamp, RefusesAmbiguousOrMalformed) {
  EXPECT_FALSE(ParseIsoTimestamp("2026-03-01T12:00:00"));  // no offset
  EXPECT_FALSE(ParseIsoTimestamp("2026-02-30T12:00:00Z"));
  EXPECT_FALSE(ParseIsoTimestamp("2026-03-01T24:00:00Z"));
  EXPECT_FALSE(ParseIsoTimestamp("2026-03-01T12:00:00+0100"));
  EXPECT_FALSE(ParseIsoTimestamp("2026-03-01T12:00:00.Z"));
  EXPECT_FALSE(ParseIsoTimestamp("yesterday"));
  EXPECT_FALSE(ParseIsoTimestamp("2026-03-01T12:00:00Zjunk"));
}

TEST(FormatIsoUtc, RoundTrips) {
  EXPECT_EQ(FormatIsoUtc(1772366400250), "2026-03-01T12:00:00.250Z");
  EXPECT_EQ(FormatIsoUtc(-1), "1969-12-31T23:59:59.999Z");
}

TEST(ParseIsoDate, CountsDaysFromEpoch) {
  EXPECT_EQ(ParseIsoDate("1970-01-02"), 1);
  EXPECT_EQ(ParseIsoDate("2024-02-29"), 19782);
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
}

}  // namespace
}  // namespace creditlens::model

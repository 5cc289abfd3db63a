#include "schedule/fire_time.h"

#include <gtest/gtest.h>

#include "model/timestamp.h"

namespace creditlens::schedule {
namespace {

std::string Format(const char* zone, const char* utc) {
  return FormatFireTime(model::TimeZone::Locate(zone), *model::ParseIsoTimestamp(utc));
}

TEST(FireTime, LocalTimeOffsetAndUtc) {
  EXPECT_EQ(Format("Europe/Berlin", "2026-03-29T01:00:00Z"),
            "2026-03-29 03:00 +02:00 (2026-03-29T01:00:00Z)");
  EXPECT_EQ(Format("UTC", "2026-01-01T00:00:00Z"), "2026-01-01 00:00 +00:00 (2026-01-01T00:00:00Z)");
  // Negative and part-hour offsets; the local date may differ from the UTC date.
  EXPECT_EQ(Format("America/St_Johns", "2026-01-01T02:00:00Z"),
            "2025-12-31 22:30 -03:30 (2026-01-01T02:00:00Z)");
  EXPECT_EQ(Format("Asia/Kathmandu", "2026-01-01T20:00:00Z"),
            "2026-01-02 01:45 +05:45 (2026-01-01T20:00:00Z)");
}

}  // namespace
}  // namespace creditlens::schedule

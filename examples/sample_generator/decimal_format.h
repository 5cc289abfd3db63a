// Fast text for the numbers in event rows: exact decimals from integer micro-units (credits,
// quantities), zero-padded integers and UTC timestamps with milliseconds, written into a caller's
// buffer with std::to_chars and no allocation.
#pragma once

#include <cstddef>
#include <cstdint>

namespace creditlens::sample {

// Room any of the functions below may need.
inline constexpr std::size_t kMaxNumberChars = 32;

// Writes value / 10^6 as a plain decimal without trailing zeros ("0.125", "3", "12.000375").
// value must be >= 0. Returns the end of the written text.
char* WriteMicros(char* out, std::int64_t value);

// Writes value in decimal, left-padded with zeros to at least width digits.
char* WriteZeroPadded(char* out, std::uint64_t value, int width);

// Writes an integer in decimal.
char* WriteInteger(char* out, std::int64_t value);

// Writes "YYYY-MM-DDTHH:" for the UTC hour containing epoch_ms (14 chars, no terminator); the
// caller appends "MM:SS.mmmZ" with WriteMinuteSecondMillis. Split so a writer can cache the prefix.
char* WriteHourPrefix(char* out, std::int64_t epoch_ms);

// Writes "MM:SS.mmmZ" for the position of epoch_ms inside its hour.
char* WriteMinuteSecondMillis(char* out, std::int64_t epoch_ms);

// Writes "YYYY-MM-DDTHH:MM:SS.mmmZ" (24 chars), reusing the hour's prefix while the hour stays the
// same: events come in time order.
class TimestampWriter {
 public:
  char* Write(char* out, std::int64_t epoch_ms);

 private:
  std::int64_t hour_ = -1;  // epoch hours of the cached prefix; timestamps are after 1970
  char prefix_[14] = {};
};

}  // namespace creditlens::sample

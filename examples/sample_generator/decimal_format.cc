// Number and timestamp text for event rows (see decimal_format.h).
#include "decimal_format.h"

#include <charconv>
#include <chrono>
#include <cstring>

#include "date/date.h"

namespace creditlens::sample {
namespace {

inline char* TwoDigits(char* out, unsigned value) {
  out[0] = static_cast<char>('0' + value / 10);
  out[1] = static_cast<char>('0' + value % 10);
  return out + 2;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

char* WriteMicros(char* out, std::int64_t value) {
  const std::int64_t whole = value / 1000000;
  std::int64_t fraction = value % 1000000;
  out = std::to_chars(out, out + kMaxNumberChars, whole).ptr;
  if (fraction == 0) return out;
  *out++ = '.';
  char digits[6];
  for (int i = 5; i >= 0; --i) {
    digits[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  int length = 6;
  while (digits[length - 1] == '0') --length;
  std::memcpy(out, digits, length);
  return out + length;
}

char* WriteZeroPadded(char* out, std::uint64_t value, int width) {
  char digits[24];
  char* end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  const int length = static_cast<int>(end - digits);
  for (int i = length; i < width; ++i) *out++ = '0';
  std::memcpy(out, digits, length);
  return out + length;
}

char* WriteInteger(char* out, std::int64_t value) {
  return std::to_chars(out, out + kMaxNumberChars, value).ptr;
}

char* WriteHourPrefix(char* out, std::int64_t epoch_ms) {
  const std::int64_t hours = FloorDiv(epoch_ms, 3600000);
  const std::int64_t day_number = FloorDiv(hours, 24);
  const date::year_month_day ymd{date::sys_days{date::days{day_number}}};
  const int year = static_cast<int>(ymd.year());
  out = WriteZeroPadded(out, static_cast<std::uint64_t>(year), 4);
  *out++ = '-';
  out = TwoDigits(out, static_cast<unsigned>(ymd.month()));
  *out++ = '-';
  out = TwoDigits(out, static_cast<unsigned>(ymd.day()));
  *out++ = 'T';
  out = TwoDigits(out, static_cast<unsigned>(hours - day_number * 24));
  *out++ = ':';
  return out;
}

char* WriteMinuteSecondMillis(char* out, std::int64_t epoch_ms) {
  const std::int64_t in_hour = epoch_ms - FloorDiv(epoch_ms, 3600000) * 3600000;
  const auto minutes = static_cast<unsigned>(in_hour / 60000);
  const auto seconds = static_cast<unsigned>(in_hour / 1000 % 60);
  const auto millis = static_cast<unsigned>(in_hour % 1000);
  out = TwoDigits(out, minutes);
  *out++ = ':';
  out = TwoDigits(out, seconds);
  *out++ = '.';
  *out++ = static_cast<char>('0' + millis / 100);
  out = TwoDigits(out, millis % 100);
  *out++ = 'Z';
  return out;
}

char* TimestampWriter::Write(char* out, std::int64_t epoch_ms) {
  const std::int64_t hour = epoch_ms / 3'600'000;
  if (hour != hour_) {
    hour_ = hour;
    WriteHourPrefix(prefix_, epoch_ms);
  }
  std::memcpy(out, prefix_, sizeof prefix_);
  return WriteMinuteSecondMillis(out + sizeof prefix_, epoch_ms);
}

}  // namespace creditlens::sample

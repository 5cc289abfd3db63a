// ISO-8601 parsing without locale or allocation: the ingest hot path calls it once per event.
#include "model/timestamp.h"

#include <date/date.h>

#include <cstdio>

namespace creditlens::model {
namespace {

bool ReadDigits(std::string_view text, std::size_t pos, std::size_t count, int& value) {
  if (pos + count > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

std::optional<std::int32_t> DaysFromCivil(int year, int month, int day) {
  const date::year_month_day ymd{date::year{year}, date::month(static_cast<unsigned>(month)),
                                 date::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

}  // namespace

std::optional<std::int32_t> ParseIsoDate(std::string_view text) {
  int year, month, day;
  if (text.size() != 10 || !ReadDigits(text, 0, 4, year) || text[4] != '-' ||
      !ReadDigits(text, 5, 2, month) || text[7] != '-' || !ReadDigits(text, 8, 2, day)) {
    return std::nullopt;
  }
  return DaysFromCivil(year, month, day);
}

std::optional<std::int64_t> ParseIsoTimestamp(std::string_view text) {
  int hour, minute, second;
  if (text.size() < 20) return std::nullopt;
  const auto days = ParseIsoDate(text.substr(0, 10));
  if (!days || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !ReadDigits(text, 11, 2, hour) ||
      text[13] != ':' || !ReadDigits(text, 14, 2, minute) || text[16] != ':' ||
      !ReadDigits(text, 17, 2, second) || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 3; ++digits) millis *= 10;
  }
  if (pos >= text.size()) return std::nullopt;  // no offset
  int offset_minutes = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    int off_h, off_m;
    if (!ReadDigits(text, pos + 1, 2, off_h) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadDigits(text, pos + 4, 2, off_m) || off_h > 23 || off_m > 59) {
      return std::nullopt;
    }
    offset_minutes = (off_h * 60 + off_m) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  const std::int64_t seconds = std::int64_t{*days} * 86400 + std::int64_t{hour} * 3600 +
                               std::int64_t{minute} * 60 + second - std::int64_t{offset_minutes} * 60;
  return seconds * 1000 + millis;
}

std::string FormatIsoUtc(std::int64_t epoch_ms) {
  const auto tp = date::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{epoch_ms}};
  const auto day = date::floor<date::days>(tp);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::milliseconds> time{tp - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()), static_cast<int>(time.subseconds().count()));
  return buffer;
}

}  // namespace creditlens::model

// IANA time zones for cutting days, months and billing cycles in local time (DST-correct).
// Local days are counted as days since 1970-01-01 on the local calendar.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace creditlens::model {

struct CivilDate {
  int year = 1970;
  unsigned month = 1;  // 1..12
  unsigned day = 1;    // 1..31
};

CivilDate ToCivil(std::int32_t days);
// Days since the epoch of year-month-day, with day clamped to the month's length (Jan 31 + 1 month = Feb
// 28/29).
std::int32_t FromCivilClamped(int year, int month, unsigned day);
std::string FormatDate(std::int32_t days);  // YYYY-MM-DD

// How a local wall time maps to UTC: once; never, when a clock change skips it (spring forward); or
// twice, when a clock change repeats it (fall back).
struct LocalTimeMapping {
  enum class Kind { kUnique, kSkipped, kRepeated };
  Kind kind = Kind::kUnique;
  // kUnique: the instant. kSkipped: the end of the gap, the first instant after it. kRepeated: the first
  // occurrence.
  std::int64_t first_ms = 0;
  // kRepeated: the second occurrence; otherwise the same as first_ms.
  std::int64_t second_ms = 0;
};

class TimeZone {
 public:
  // Throws std::invalid_argument "unknown time zone 'X'" for names the tz database does not know.
  static TimeZone Locate(std::string_view iana_name);
  static TimeZone Utc();

  const std::string& name() const { return name_; }
  std::int32_t LocalDay(std::int64_t utc_ms) const;
  // UTC instant of local midnight starting local_day; where a clock change skips midnight, the first
  // local instant of that day.
  std::int64_t StartOfDay(std::int32_t local_day) const;
  // UTC instant of a local wall time (minutes after local midnight) on local_day, resolved like StartOfDay.
  std::int64_t ToUtc(std::int32_t local_day, std::int64_t ms_after_midnight) const;
  // Local milliseconds after local midnight for a UTC instant.
  std::int64_t LocalTimeOfDayMs(std::int64_t utc_ms) const;
  // Local wall time of a UTC instant as milliseconds since local 1970-01-01 00:00 (the local epoch).
  std::int64_t ToLocalMs(std::int64_t utc_ms) const;
  // The UTC instants of a local wall time given as milliseconds since the local epoch.
  LocalTimeMapping MapLocal(std::int64_t local_ms) const;
  // True when every offset in force in [from_ms, to_ms) is a whole number of hours, so UTC hours never
  // straddle a local day boundary.
  bool WholeHourOffsets(std::int64_t from_ms, std::int64_t to_ms) const;

 private:
  TimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const date::time_zone* zone_;
  std::string name_;
};

}  // namespace creditlens::model

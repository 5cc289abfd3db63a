// The UTC grid the store buckets time on: hours for the rollups, quarter hours for raw queries.
#pragma once

#include <cstdint>

namespace creditlens::sqlite {

inline constexpr std::int64_t kMsPerHour = 3'600'000;
inline constexpr std::int64_t kMsPerQuarterHour = 900'000;

// The start of the step-long slot holding ms (floor, also before 1970).
inline std::int64_t FloorTo(std::int64_t ms, std::int64_t step) {
  const std::int64_t q = ms / step;
  return (ms % step != 0 && ms < 0 ? q - 1 : q) * step;
}

}  // namespace creditlens::sqlite

// How often and how soon a transient delivery failure is tried again: exponential backoff from a
// first delay, capped, for a bounded number of attempts.
#pragma once

#include <algorithm>
#include <cstdint>

namespace creditlens::deliver {

struct RetryPolicy {
  int attempts = 6;                       // in all, the first included
  std::int64_t first_delay_ms = 30'000;   // before the second attempt
  std::int64_t max_delay_ms = 3'600'000;  // the longest wait between two attempts

  // The wait after the n-th failed attempt (n >= 1): first_delay doubled n - 1 times, at most max_delay.
  std::int64_t DelayAfter(int failed_attempts) const {
    std::int64_t delay = first_delay_ms;
    for (int i = 1; i < failed_attempts && delay < max_delay_ms; ++i) delay *= 2;
    return std::min(delay, max_delay_ms);
  }
};

}  // namespace creditlens::deliver

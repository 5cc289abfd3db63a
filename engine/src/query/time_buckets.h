// Local time buckets (hours, days, ISO weeks, months) over a range of local days, with their labels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/time_zone.h"
#include "query/usage_query.h"

namespace creditlens::query {

class TimeBuckets {
 public:
  TimeBuckets(const model::TimeZone& zone, Grain grain, std::int32_t first_day, std::int32_t last_day);

  std::size_t size() const { return labels_.size(); }
  const std::vector<std::string>& labels() const { return labels_; }
  // Index of the bucket holding a UTC instant; the instant must lie in the range.
  std::size_t IndexOf(std::int64_t utc_ms) const;

 private:
  std::int64_t KeyOf(std::int64_t utc_ms) const;  // a number identifying the bucket

  const model::TimeZone& zone_;
  Grain grain_;
  std::int64_t first_key_ = 0;
  std::vector<std::int64_t> keys_;  // sorted, one per bucket
  std::vector<std::string> labels_;
};

}  // namespace creditlens::query

// When the sample organisation is busy: an activity weight for every (UTC hour, workspace) cell from
// the workspace's local weekly and daily rhythm, growth over the history, holidays, day-to-day noise
// and a few spike days; and the exact split of N events over those cells.
#pragma once

#include <cstdint>
#include <vector>

#include "organisation.h"
#include "rng.h"

namespace creditlens::sample {

// A spike is a workspace's spike source running around the clock: longer runs that meter in smaller,
// more frequent steps (checkpoints) than its ordinary runs.
inline constexpr double kSpikeRunLength = 3.0;  // x the source's mean events per run
inline constexpr double kSpikeRunScale = 0.5;   // x the source's action size

struct ActivityCell {
  double weight = 0;            // relative expected events in this hour
  float spike_share = 0;        // part of the weight that comes from a spike (a big training run)
  std::uint8_t local_hour = 0;  // hour of day in the workspace's zone
};

class ActivityModel {
 public:
  // Draws the spike days and noise from rng. Throws std::invalid_argument on an empty history.
  ActivityModel(const Organisation& org, const HistoryRange& history, Rng& rng);

  std::size_t hours() const { return hours_; }
  std::size_t workspaces() const { return workspaces_; }
  const ActivityCell& cell(std::size_t hour, std::size_t workspace) const {
    return cells_[hour * workspaces_ + workspace];
  }

  // Splits total events over the cells in proportion to their weights (systematic sampling with one
  // random offset), so the counts sum to exactly total. Indexed [hour * workspaces() + workspace].
  std::vector<std::uint64_t> Allocate(std::uint64_t total, Rng& rng) const;

 private:
  std::size_t hours_ = 0;
  std::size_t workspaces_ = 0;
  std::vector<ActivityCell> cells_;
};

}  // namespace creditlens::sample

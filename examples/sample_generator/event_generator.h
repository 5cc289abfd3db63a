// Turns the per-hour event counts of an ActivityModel into concrete usage events (runs of workflows
// and agents, one-off calls), in chronological order, and hands them to an EventWriter.
#pragma once

#include <cstdint>
#include <vector>

#include "activity_model.h"
#include "event_writer.h"
#include "organisation.h"
#include "rng.h"

namespace creditlens::sample {

struct GenerationTotals {
  std::uint64_t events = 0;
  // Micro-credits per workspace per UTC day of the history: [workspace][day].
  std::vector<std::vector<std::int64_t>> credits_by_day;
};

// counts is ActivityModel::Allocate's result. Event sequence numbers start at 1.
GenerationTotals GenerateEvents(const Organisation& org, const HistoryRange& history,
                                const ActivityModel& model, const std::vector<std::uint64_t>& counts,
                                Rng& rng, EventWriter& writer);

}  // namespace creditlens::sample

// Event generation, one UTC hour at a time (see event_generator.h): each workspace's events for the
// hour are drawn as runs and one-off calls, then the hour is sorted by time and written. Buffers are
// reused from hour to hour, so no row allocates.
#include "event_generator.h"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <utility>

namespace creditlens::sample {
namespace {

constexpr std::int64_t kHourMs = 3600000;
constexpr int kNightEnd = 6;  // local hours 0-5 are night

// Per-workspace lookup tables built once.
struct WorkspaceTables {
  std::vector<double> sources_by_day;    // cumulative run weights, working hours
  std::vector<double> sources_by_night;  // scheduled jobs dominate at night
  std::vector<double> adhoc;             // cumulative one-off feature weights
};

std::vector<double> Cumulative(const std::vector<double>& weights) {
  std::vector<double> cumulative(weights.size());
  std::partial_sum(weights.begin(), weights.end(), cumulative.begin());
  return cumulative;
}

WorkspaceTables BuildTables(const WorkspaceSpec& ws) {
  WorkspaceTables tables;
  std::vector<double> day, night;
  for (const SourceSpec& source : ws.sources) {
    day.push_back(source.weight);
    night.push_back(source.weight * (source.automated ? 4.0 : 0.3));
  }
  tables.sources_by_day = Cumulative(day);
  tables.sources_by_night = Cumulative(night);
  tables.adhoc = Cumulative(std::vector<double>(ws.adhoc_mix.begin(), ws.adhoc_mix.end()));
  return tables;
}

class HourGenerator {
 public:
  HourGenerator(const Organisation& org, Rng& rng) : org_(org), rng_(rng) {
    for (const WorkspaceSpec& ws : org.workspaces) tables_.push_back(BuildTables(ws));
  }

  // Appends count events of workspace w in the hour starting at hour_start_ms.
  void Generate(std::size_t w, const ActivityCell& cell, std::int64_t hour_start_ms, std::uint64_t count,
                std::vector<EventRow>& out) {
    const WorkspaceSpec& ws = org_.workspaces[w];
    const WorkspaceTables& tables = tables_[w];
    const bool night = cell.local_hour < kNightEnd;
    std::uint64_t remaining = count;
    while (remaining > 0) {
      if (ws.spike_source >= 0 && cell.spike_share > 0 && rng_.Chance(cell.spike_share)) {
        remaining -= Run(ws, ws.sources[ws.spike_source], kSpikeRunLength, kSpikeRunScale, hour_start_ms,
                         remaining, out);
      } else if (!ws.sources.empty() && rng_.Chance(ws.run_share)) {
        const auto& weights = night ? tables.sources_by_night : tables.sources_by_day;
        remaining -=
            Run(ws, ws.sources[rng_.PickCumulative(weights)], 1.0, 1.0, hour_start_ms, remaining, out);
      } else {
        OneOff(ws, tables, hour_start_ms, out);
        --remaining;
      }
    }
  }

 private:
  // A run of a source: several events within its span, its steps in order. Returns events made.
  std::uint64_t Run(const WorkspaceSpec& ws, const SourceSpec& source, double length_factor, double scale,
                    std::int64_t hour_start_ms, std::uint64_t remaining, std::vector<EventRow>& out) {
    const auto drawn =
        1 + static_cast<std::uint64_t>(rng_.Exponential((source.mean_events - 1.0) * length_factor));
    const std::uint64_t events = std::min(drawn, remaining);
    const auto span_ms = std::min<std::int64_t>(
        kHourMs - 1, static_cast<std::int64_t>(source.max_minutes * 60000.0 * rng_.Uniform(0.3, 1.0)));
    const auto start_ms =
        static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(kHourMs - span_ms)));
    offsets_.clear();
    for (std::uint64_t i = 0; i < events; ++i) {
      offsets_.push_back(start_ms +
                         static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(span_ms) + 1)));
    }
    std::sort(offsets_.begin(), offsets_.end());
    // Enough events walk through every step in order; fewer take a random ordered subset.
    const std::size_t step_count = source.steps.size();
    steps_.clear();
    for (std::uint64_t i = 0; i < events; ++i) {
      steps_.push_back(events >= step_count ? static_cast<std::size_t>(i * step_count / events)
                                            : static_cast<std::size_t>(rng_.Below(step_count)));
    }
    std::sort(steps_.begin(), steps_.end());

    const std::uint64_t run_number = ++run_counter_;
    const std::string_view api_key = source.api_key >= 0 ? std::string_view(ws.api_keys[source.api_key]) : "";
    const std::string_view user = source.user >= 0 ? std::string_view(ws.users[source.user]) : "";
    for (std::uint64_t i = 0; i < events; ++i) {
      const Step& step = source.steps[steps_[i]];
      EventRow& row = Append(ws, step.feature, source.scale * scale, hour_start_ms + offsets_[i], out);
      row.folder = source.folder;
      row.api_key = api_key;
      row.user_id = user;
      row.source = source.name;
      row.run_number = run_number;
      row.module = step.module;
    }
    return events;
  }

  // A one-off call by a member, outside any workflow.
  void OneOff(const WorkspaceSpec& ws, const WorkspaceTables& tables, std::int64_t hour_start_ms,
              std::vector<EventRow>& out) {
    const auto feature = static_cast<Feature>(rng_.PickCumulative(tables.adhoc));
    const std::int64_t ts = hour_start_ms + static_cast<std::int64_t>(rng_.Below(kHourMs));
    EventRow& row = Append(ws, feature, 1.0, ts, out);
    if (!ws.folders.empty() && !rng_.Chance(ws.adhoc_without_folder)) {
      row.folder = ws.folders[rng_.Below(ws.folders.size())];
    }
    if (!ws.api_keys.empty() && !rng_.Chance(ws.adhoc_without_key)) {
      row.api_key = ws.api_keys[rng_.Below(ws.api_keys.size())];
    }
    if (!ws.users.empty()) row.user_id = ws.users[rng_.Below(ws.users.size())];
  }

  EventRow& Append(const WorkspaceSpec& ws, Feature feature, double scale, std::int64_t ts_ms,
                   std::vector<EventRow>& out) {
    const FeatureSpec& spec = SpecOf(feature);
    const Metered metered = DrawMetered(feature, scale, rng_);
    EventRow& row = out.emplace_back();
    row.ts_ms = ts_ms;
    row.workspace_id = ws.id;
    row.category = spec.category;
    row.feature = spec.name;
    row.unit = spec.unit;
    row.credits_micro = metered.credits_micro;
    row.quantity_micro = metered.quantity_micro;
    row.data_bytes = metered.data_bytes;
    return row;
  }

  const Organisation& org_;
  Rng& rng_;
  std::vector<WorkspaceTables> tables_;
  std::vector<std::int64_t> offsets_;
  std::vector<std::size_t> steps_;
  std::uint64_t run_counter_ = 0;
};

}  // namespace

GenerationTotals GenerateEvents(const Organisation& org, const HistoryRange& history,
                                const ActivityModel& model, const std::vector<std::uint64_t>& counts,
                                Rng& rng, EventWriter& writer) {
  const std::size_t workspace_count = model.workspaces();
  GenerationTotals totals;
  totals.credits_by_day.assign(workspace_count, std::vector<std::int64_t>(history.days, 0));
  HourGenerator generator(org, rng);
  std::vector<EventRow> hour_events;
  std::vector<std::pair<std::int64_t, std::uint32_t>> order;  // (ts, index): unique keys, stable result
  const std::int64_t first_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(history.first_day.time_since_epoch()).count();

  for (std::size_t hour = 0; hour < model.hours(); ++hour) {
    const std::int64_t hour_start_ms = first_ms + static_cast<std::int64_t>(hour) * kHourMs;
    const std::size_t day = hour / 24;
    hour_events.clear();
    for (std::size_t w = 0; w < workspace_count; ++w) {
      const std::uint64_t count = counts[hour * workspace_count + w];
      if (count == 0) continue;
      const std::size_t first = hour_events.size();
      generator.Generate(w, model.cell(hour, w), hour_start_ms, count, hour_events);
      for (std::size_t i = first; i < hour_events.size(); ++i) {
        totals.credits_by_day[w][day] += hour_events[i].credits_micro;
      }
    }
    order.clear();
    for (std::size_t i = 0; i < hour_events.size(); ++i) {
      order.emplace_back(hour_events[i].ts_ms, static_cast<std::uint32_t>(i));
    }
    std::sort(order.begin(), order.end());
    for (const auto& [ts, index] : order) {
      EventRow& row = hour_events[index];
      row.sequence = ++totals.events;
      writer.Write(row);
    }
  }
  return totals;
}

}  // namespace creditlens::sample

// The activity weights behind the sample events (see activity_model.h). Rhythms are taken in each
// workspace's own time zone through date::tz, so Sydney's Monday morning is busy in Sunday UTC.
#include "activity_model.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace creditlens::sample {
namespace {

using Hours = std::chrono::hours;
using Minutes = std::chrono::minutes;

// Relative activity per local hour of day: teams work office hours (with a lunch dip) and leave
// scheduled jobs running at night; people use their projects in the evening.
constexpr std::array<double, 24> kTeamDay = {0.12, 0.10, 0.10, 0.10, 0.10, 0.12, 0.20, 0.40,
                                             0.75, 1.00, 1.05, 1.00, 0.80, 0.95, 1.05, 1.00,
                                             0.90, 0.70, 0.45, 0.30, 0.25, 0.20, 0.16, 0.14};
constexpr std::array<double, 24> kPersonalDay = {0.30, 0.15, 0.06, 0.05, 0.05, 0.05, 0.10, 0.25,
                                                 0.35, 0.30, 0.30, 0.35, 0.45, 0.35, 0.30, 0.30,
                                                 0.35, 0.50, 0.70, 0.90, 1.00, 1.00, 0.80, 0.50};
// Relative activity per local weekday, Sunday first.
constexpr std::array<double, 7> kTeamWeek = {0.22, 0.95, 1.05, 1.05, 1.00, 0.85, 0.25};
constexpr std::array<double, 7> kPersonalWeek = {0.85, 0.70, 0.75, 0.75, 0.75, 0.65, 0.90};

double Mean(const double* begin, const double* end) {
  return std::accumulate(begin, end, 0.0) / static_cast<double>(end - begin);
}

bool IsYearEndHoliday(date::local_days day) {
  const date::year_month_day ymd{day};
  return (ymd.month() == date::December && ymd.day() >= date::day{24}) ||
         (ymd.month() == date::January && ymd.day() == date::day{1});
}

// Mean credits of an event of a run of source.
double SourceCreditsPerEvent(const SourceSpec& source, double scale = 1.0) {
  double sum = 0;
  for (const Step& step : source.steps) sum += ExpectedCredits(step.feature, source.scale * scale);
  return sum / static_cast<double>(source.steps.size());
}

// Mean credits of an ordinary event of the workspace: runs (weighted by their events) and one-offs.
double WorkspaceCreditsPerEvent(const WorkspaceSpec& ws) {
  double run_weight = 0;
  for (const SourceSpec& source : ws.sources) run_weight += source.weight;
  double run_events = 0, run_credits = 0;
  for (const SourceSpec& source : ws.sources) {
    const double share = source.weight / run_weight;
    run_events += share * source.mean_events;
    run_credits += share * source.mean_events * SourceCreditsPerEvent(source);
  }
  double adhoc_weight = 0, adhoc_credits = 0;
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    adhoc_weight += ws.adhoc_mix[f];
    adhoc_credits += ws.adhoc_mix[f] * ExpectedCredits(static_cast<Feature>(f), 1.0);
  }
  adhoc_credits /= adhoc_weight;
  const double run_share = ws.sources.empty() ? 0.0 : ws.run_share;
  return (run_share * run_credits + (1 - run_share) * adhoc_credits) /
         (run_share * run_events + (1 - run_share));
}

}  // namespace

ActivityModel::ActivityModel(const Organisation& org, const HistoryRange& history, Rng& rng)
    : hours_(static_cast<std::size_t>(history.days) * 24), workspaces_(org.workspaces.size()) {
  if (history.days <= 0 || org.workspaces.empty()) throw std::invalid_argument("empty history");
  cells_.resize(hours_ * workspaces_);
  // Local days covered, indexed from the day before the first UTC day (zones run up to a day apart).
  const date::local_days first_local = history.first_day_local() - date::days{1};
  const std::size_t local_day_count = static_cast<std::size_t>(history.days) + 3;

  for (std::size_t w = 0; w < workspaces_; ++w) {
    const WorkspaceSpec& ws = org.workspaces[w];
    const bool team = ws.kind == WorkspaceKind::kTeam;
    const auto& day_profile = team ? kTeamDay : kPersonalDay;
    const auto& week_profile = team ? kTeamWeek : kPersonalWeek;
    const double typical_hour = Mean(day_profile.data(), day_profile.data() + 24) *
                                Mean(week_profile.data(), week_profile.data() + 7);
    // A spike multiplies a day's credits; its runs spend more per event than ordinary traffic does.
    const double spike_events_per_credit =
        ws.spike_source >= 0 ? WorkspaceCreditsPerEvent(ws) /
                                   SourceCreditsPerEvent(ws.sources[ws.spike_source], kSpikeRunScale)
                             : 0.0;

    std::vector<float> day_noise(local_day_count);
    for (float& noise : day_noise) noise = static_cast<float>(rng.Uniform(0.75, 1.25));
    std::vector<float> spike(local_day_count, 0.0f);
    for (int s = 0; s < (ws.spike_source >= 0 ? ws.spike_count : 0); ++s) {
      // Away from the very start so a spike stands out against ordinary days before it.
      const std::uint64_t margin = history.days > 60 ? 14 : 0;
      const std::size_t start = 1 + margin + rng.Below(static_cast<std::uint64_t>(history.days) - 2 * margin);
      const std::size_t length = 1 + rng.Below(2);
      const auto factor = static_cast<float>(rng.Uniform(3.0, 8.0));
      for (std::size_t d = start; d < std::min(start + length, local_day_count); ++d) {
        spike[d] = std::max(spike[d], factor);
      }
    }

    const date::sys_seconds active_from =
        ws.zone->to_sys(date::local_seconds{ws.active_from}, date::choose::earliest);
    date::sys_info info = ws.zone->get_info(date::sys_seconds{history.first_day});
    date::local_days current_day{};
    bool holiday = false;
    for (std::size_t h = 0; h < hours_; ++h) {
      ActivityCell& cell = cells_[h * workspaces_ + w];
      const date::sys_seconds start = date::sys_seconds{history.first_day} + Hours{h};
      const date::sys_seconds middle = start + Minutes{30};
      if (middle >= info.end) info = ws.zone->get_info(middle);
      const date::local_seconds local{middle.time_since_epoch() + info.offset};
      const date::local_days local_day = date::floor<date::days>(local);
      if (local_day != current_day) {
        current_day = local_day;
        holiday = IsYearEndHoliday(local_day);
      }
      const auto hour_of_day = static_cast<std::size_t>(date::floor<Hours>(local - local_day).count());
      cell.local_hour = static_cast<std::uint8_t>(hour_of_day);
      const double cell_noise = rng.Uniform(0.85, 1.15);  // drawn always, so inactive hours keep the stream
      if (start < active_from) continue;

      const auto day_index = static_cast<std::size_t>((local_day - first_local).count());
      const double t = (static_cast<double>(h) + 0.5) / static_cast<double>(hours_);
      const double level = ws.size * std::exp(ws.growth * (t - 1.0)) * day_noise[day_index];
      const unsigned weekday = date::weekday{local_day}.c_encoding();
      const double holiday_factor = holiday && team ? 0.35 : 1.0;
      const double base =
          level * week_profile[weekday] * day_profile[hour_of_day] * holiday_factor * cell_noise;
      // A spike is a job running around the clock on top of the usual day, (factor - 1) days' credits.
      const double extra = spike[day_index] > 0
                               ? level * typical_hour * (spike[day_index] - 1.0) * spike_events_per_credit
                               : 0.0;
      cell.weight = base + extra;
      cell.spike_share = cell.weight > 0 ? static_cast<float>(extra / cell.weight) : 0.0f;
    }
  }
}

std::vector<std::uint64_t> ActivityModel::Allocate(std::uint64_t total, Rng& rng) const {
  std::vector<std::uint64_t> counts(cells_.size(), 0);
  double total_weight = 0;
  std::size_t last_active = 0;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    total_weight += cells_[i].weight;
    if (cells_[i].weight > 0) last_active = i;
  }
  if (!(total_weight > 0)) throw std::logic_error("no active workspace hours");
  const double scale = static_cast<double>(total) / total_weight;
  const double offset = rng.Uniform01();
  double expected = 0;
  std::uint64_t assigned = 0;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    expected += cells_[i].weight * scale;
    const auto through = std::min(total, static_cast<std::uint64_t>(std::floor(expected + offset)));
    if (through > assigned) {
      counts[i] = through - assigned;
      assigned = through;
    }
  }
  counts[last_active] += total - assigned;  // floating-point drift: at most an event or two
  return counts;
}

}  // namespace creditlens::sample

#include "projection/projection.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "billing/billing_cycle.h"
#include "projection/daily_history.h"
#include "projection/feature_changes.h"
#include "projection/forecast.h"
#include "projection/ledger_split.h"
#include "projection/projection_days.h"
#include "query/billing_tables.h"

namespace creditlens::projection {
namespace {

constexpr std::int32_t kMaxChartHistoryDays = 90;
constexpr const char* kNewFeatureCategory = "other";

MicroCredits Micro(double credits) { return std::llround(credits * static_cast<double>(kMicrosPerCredit)); }

// The workspace's actual hourly usage before the first projected day, from its first plan or grant.
std::vector<billing::UsageBucket> LoadActualHours(const query::UsageEngine& engine,
                                                  std::int64_t projected_from_ms) {
  std::vector<billing::UsageBucket> hours;
  query::ForEachHourlyUsage(engine, projected_from_ms - 1,
                            [&](const Workspace&, std::span<const billing::UsageBucket> usage) {
                              for (const auto& b : usage)
                                if (b.hour_start_ms < projected_from_ms) hours.push_back(b);
                            });
  return hours;
}

// Actual usage per local day over [first_day, last_day], with sums over any stretch of it.
class ActualDays {
 public:
  ActualDays(std::span<const billing::UsageBucket> hours, const model::TimeZone& zone, std::int32_t first_day,
             std::int32_t last_day)
      : first_day_(first_day),
        prefix_(static_cast<std::size_t>(std::max(0, last_day - first_day + 1)) + 1, 0) {
    for (const auto& b : hours) {
      const std::int32_t day = zone.LocalDay(b.hour_start_ms);
      if (day >= first_day && day <= last_day)
        prefix_[static_cast<std::size_t>(day - first_day) + 1] += b.credits;
    }
    for (std::size_t i = 1; i < prefix_.size(); ++i) prefix_[i] += prefix_[i - 1];
  }
  MicroCredits Sum(std::int32_t first, std::int32_t last) const {
    first = std::max(first, first_day_);
    last = std::min(last, first_day_ + static_cast<std::int32_t>(prefix_.size()) - 2);
    if (last < first) return 0;
    return prefix_[static_cast<std::size_t>(last - first_day_) + 1] -
           prefix_[static_cast<std::size_t>(first - first_day_)];
  }

 private:
  std::int32_t first_day_;
  std::vector<MicroCredits> prefix_;
};

// The billing cycle in force on a day as local days and its included credits; without a plan, the
// calendar month with none.
struct CycleOfDay {
  query::DayRange days;
  MicroCredits included = 0;
};

CycleOfDay CycleOn(const Workspace& workspace, const model::TimeZone& zone, std::int32_t day) {
  if (const auto cycle = billing::CycleAt(workspace, zone, zone.StartOfDay(day))) {
    return {{zone.LocalDay(cycle->start_ms), zone.LocalDay(cycle->end_ms - 1)}, cycle->included};
  }
  const model::CivilDate date = model::ToCivil(day);
  const int month = static_cast<int>(date.month);
  return {
      {model::FromCivilClamped(date.year, month, 1), model::FromCivilClamped(date.year, month + 1, 1) - 1},
      0};
}

// One feature of a scenario: its history (none for a feature the scenario adds) and its changes.
struct ScenarioFeature {
  std::string category;
  std::string feature;
  const FeatureDays* history = nullptr;
  std::vector<const FeatureChange*> changes;
};

// From scratch, only the features the changes name; their history still shows the basis rate.
std::vector<ScenarioFeature> FeaturesOf(const Scenario& scenario, const std::vector<FeatureDays>& histories) {
  std::vector<ScenarioFeature> features;
  for (const FeatureDays& h : histories) {
    const bool named = std::any_of(scenario.changes.begin(), scenario.changes.end(),
                                   [&](const FeatureChange& c) { return c.feature == h.feature; });
    if (scenario.start == StartMode::kCurrent || named) features.push_back({h.category, h.feature, &h, {}});
  }
  for (const FeatureChange& change : scenario.changes) {
    auto it = std::find_if(features.begin(), features.end(),
                           [&](const ScenarioFeature& f) { return f.feature == change.feature; });
    if (it == features.end()) {
      const std::string category = change.category.empty() ? kNewFeatureCategory : change.category;
      it = features.insert(features.end(), {category, change.feature, nullptr, {}});
    }
    it->changes.push_back(&change);
  }
  return features;
}

// The projection's days and what they share across scenarios.
struct Frame {
  const Workspace* workspace = nullptr;
  const model::TimeZone* zone = nullptr;
  Method method = Method::kSeasonal;
  ResolvedAssumptions resolved;
  std::int32_t chart_first_day = 0;
};

// One scenario's forecasts, one per feature, indexed from the first projected day.
class ScenarioForecast {
 public:
  ScenarioForecast(const Frame& frame, const std::vector<ScenarioFeature>& features, StartMode start) {
    const ResolvedAssumptions& r = frame.resolved;
    const std::int32_t forecast_first = r.basis_last_day + 1;
    offset_ = static_cast<std::size_t>(r.first_projected_day - forecast_first);
    days_ = static_cast<std::size_t>(r.horizon_day - r.first_projected_day) + 1;
    for (const ScenarioFeature& f : features) {
      DailySeries history{forecast_first, {}};
      if (f.history && start == StartMode::kCurrent) history = {r.basis_first_day, f.history->credits};
      std::vector<DayAdjustment> adjustments(offset_);
      const auto changed = ComposeChanges(f.changes, r.first_projected_day, r.horizon_day);
      adjustments.insert(adjustments.end(), changed.begin(), changed.end());
      forecasts_.emplace_back(FitForecast(history, frame.method), adjustments);
      daily_.emplace_back();
      for (std::size_t k = 0; k < days_; ++k)
        daily_.back().push_back(Micro(forecasts_.back().Mean(offset_ + k)));
    }
    total_prefix_.assign(days_ + 1, 0);
    for (std::size_t k = 0; k < days_; ++k) {
      MicroCredits day_total = 0;
      for (const auto& feature : daily_) day_total += feature[k];
      total_prefix_[k + 1] = total_prefix_[k] + day_total;
    }
  }

  std::size_t days() const { return days_; }
  const std::vector<MicroCredits>& FeatureDaily(std::size_t feature) const { return daily_[feature]; }
  MicroCredits TotalSum(std::size_t first, std::size_t last) const {
    return total_prefix_[last + 1] - total_prefix_[first];
  }

  double FeatureVariance(std::size_t feature, std::size_t first, std::size_t last) const {
    return forecasts_[feature].SumVariance(offset_ + first, offset_ + last);
  }
  double TotalVariance(std::size_t first, std::size_t last) const {
    double variance = 0;
    for (std::size_t f = 0; f < forecasts_.size(); ++f) variance += FeatureVariance(f, first, last);
    return variance;
  }
  // P10, P50 and P90 of the total over projected days [first, last], plus `base` credits already used.
  Band TotalBand(std::size_t first, std::size_t last, MicroCredits base = 0) const {
    const MicroCredits mean = TotalSum(first, last);
    const double variance = TotalVariance(first, last);
    return BandOf(mean, variance, base);
  }
  static Band BandOf(MicroCredits mean, double variance, MicroCredits base = 0) {
    const double credits = MicroCreditsToDouble(mean);
    return {base + std::min(mean, Micro(LowerBand(credits, variance))), base + mean,
            base + std::max(mean, Micro(UpperBand(credits, variance)))};
  }

 private:
  std::size_t offset_ = 0;
  std::size_t days_ = 0;
  std::vector<FeatureForecast> forecasts_;
  std::vector<std::vector<MicroCredits>> daily_;
  std::vector<MicroCredits> total_prefix_;
};

// A daily path whose running total follows one edge of the total's band (P10 or P90).
std::vector<MicroCredits> BandPath(const ScenarioForecast& forecast, bool upper) {
  std::vector<MicroCredits> path;
  MicroCredits emitted = 0;
  for (std::size_t k = 0; k < forecast.days(); ++k) {
    const Band band = forecast.TotalBand(0, k);
    const MicroCredits target = upper ? band.p90 : band.p10;
    path.push_back(std::max<MicroCredits>(0, target - emitted));
    emitted += path.back();
  }
  return path;
}

class ScenarioRunner {
 public:
  // `actual_hours`: the workspace's usage before the first projected day, the same for every scenario.
  ScenarioRunner(const Frame& frame, std::vector<billing::UsageBucket> actual_hours)
      : frame_(frame),
        usage_(std::move(actual_hours)),
        actual_hours_(usage_.size()),
        actual_(usage_, *frame.zone,
                CycleOn(*frame.workspace, *frame.zone, frame.chart_first_day).days.first_day,
                frame.resolved.last_actual_day) {}

  ScenarioResult Run(const Scenario& scenario, const std::vector<FeatureDays>& histories) {
    const ResolvedAssumptions& r = frame_.resolved;
    const std::vector<ScenarioFeature> features = FeaturesOf(scenario, histories);
    const ScenarioForecast forecast(frame_, features, scenario.start);
    const std::size_t last = forecast.days() - 1;

    ScenarioResult result;
    result.name = scenario.name;
    result.projected = forecast.TotalBand(0, last);
    for (std::size_t f = 0; f < features.size(); ++f) {
      FeatureResult& out = result.features.emplace_back();
      out.category = features[f].category;
      out.feature = features[f].feature;
      if (features[f].history) {
        out.basis_credits = features[f].history->total;
        out.basis_rate_per_day = MicroCreditsToDouble(out.basis_credits) /
                                 static_cast<double>(r.basis_last_day - r.basis_first_day + 1);
      }
      MicroCredits sum = 0;
      for (const MicroCredits v : forecast.FeatureDaily(f)) sum += v;
      out.projected = ScenarioForecast::BandOf(sum, forecast.FeatureVariance(f, 0, last));
      out.changed = !features[f].changes.empty();
      out.added = features[f].history == nullptr;
    }
    std::stable_sort(
        result.features.begin(), result.features.end(),
        [](const FeatureResult& a, const FeatureResult& b) { return a.projected.p50 > b.projected.p50; });

    for (std::size_t f = 0; f < features.size(); ++f) {
      AddDays(features[f].category, features[f].feature, forecast.FeatureDaily(f));
    }
    const LedgerSplit split = SplitAdded();
    result.beyond_included = split.beyond;
    result.cycles = split.cycles;
    result.included_runs_out = split.included_runs_out;
    result.prepaid_runs_out = split.prepaid_runs_out;
    result.beyond_included_p10 = BandSplit(BandPath(forecast, false));
    result.beyond_included_p90 = BandSplit(BandPath(forecast, true));
    result.days = ChartDays(forecast);
    return result;
  }

 private:
  // Adds one feature's projected days to the usage the next ledger run reads.
  void AddDays(const std::string& category, const std::string& feature,
               const std::vector<MicroCredits>& daily) {
    for (std::size_t k = 0; k < daily.size(); ++k) {
      if (daily[k] <= 0) continue;
      const std::int32_t day = frame_.resolved.first_projected_day + static_cast<std::int32_t>(k);
      usage_.push_back({frame_.zone->StartOfDay(day), feature, category, daily[k]});
    }
  }

  // The ledger over the actual hours and the days added since the last run, which it then drops: the
  // actual hours stay in place across runs rather than being copied for each. (A throw ends the whole
  // projection, this runner with it.)
  LedgerSplit SplitAdded() {
    const ResolvedAssumptions& r = frame_.resolved;
    LedgerSplit split =
        SplitByLedger(*frame_.workspace, *frame_.zone, usage_, r.first_projected_day, r.horizon_day);
    usage_.erase(usage_.begin() + static_cast<std::ptrdiff_t>(actual_hours_), usage_.end());
    return split;
  }

  BeyondIncluded BandSplit(const std::vector<MicroCredits>& path) {
    AddDays("", "band", path);
    return SplitAdded().beyond;
  }

  std::vector<DayPoint> ChartDays(const ScenarioForecast& forecast) const {
    const ResolvedAssumptions& r = frame_.resolved;
    const model::TimeZone& zone = *frame_.zone;
    CycleOfDay cycle = CycleOn(*frame_.workspace, zone, frame_.chart_first_day);
    std::vector<DayPoint> days;
    for (std::int32_t day = frame_.chart_first_day; day <= r.horizon_day; ++day) {
      if (day > cycle.days.last_day) cycle = CycleOn(*frame_.workspace, zone, day);
      DayPoint& point = days.emplace_back();
      point.day = day;
      point.included = cycle.included;
      const MicroCredits actual_to_date = actual_.Sum(cycle.days.first_day, std::min(day, r.last_actual_day));
      if (day <= r.last_actual_day) {
        point.actual = actual_.Sum(day, day);
        point.daily = {*point.actual, *point.actual, *point.actual};
        point.cycle_to_date = {actual_to_date, actual_to_date, actual_to_date};
        continue;
      }
      const auto k = static_cast<std::size_t>(day - r.first_projected_day);
      const auto since = static_cast<std::size_t>(std::max(cycle.days.first_day, r.first_projected_day) -
                                                  r.first_projected_day);
      point.daily = forecast.TotalBand(k, k);
      point.cycle_to_date = forecast.TotalBand(since, k, actual_to_date);
    }
    return days;
  }

  const Frame& frame_;
  std::vector<billing::UsageBucket> usage_;  // the actual hours, then a ledger run's projected days
  std::size_t actual_hours_;                 // how many of usage_ are actual
  ActualDays actual_;                        // actual usage per day, from the chart's first cycle
};

}  // namespace

std::int32_t LastCompleteDay(const model::TimeZone& zone, std::int64_t as_of_ms) {
  const std::int32_t day = zone.LocalDay(as_of_ms);
  return zone.LocalDay(as_of_ms + 1) > day ? day : day - 1;
}

Projection RunProjection(const query::UsageEngine& engine, const ProjectionSpec& spec,
                         std::int64_t as_of_ms) {
  const std::vector<const Workspace*> visible = engine.VisibleWorkspaces();
  if (!engine.scope() || visible.size() != 1)
    throw std::invalid_argument("a projection follows one workspace");
  Frame frame;
  frame.workspace = visible.front();
  frame.zone = &engine.zone();
  frame.method = spec.method;
  ResolvedAssumptions& r = frame.resolved;
  r.workspace_id = frame.workspace->id;
  r.workspace_name = frame.workspace->name;
  r.timezone = engine.zone().name();
  r.as_of_ms = as_of_ms;
  r.last_actual_day = LastCompleteDay(engine.zone(), as_of_ms);
  r.first_projected_day = r.last_actual_day + 1;
  const query::DayRange basis = ResolveBasis(spec.basis, *frame.workspace, engine.zone(), r.last_actual_day);
  const DailyHistory history = LoadDailyHistory(engine, basis);
  r.basis_first_day = std::min(history.first_day, basis.last_day);
  r.basis_last_day = basis.last_day;
  r.horizon_day = ResolveHorizon(spec.horizon, *frame.workspace, engine.zone(), r.last_actual_day);
  const CycleOfDay current = CycleOn(*frame.workspace, engine.zone(), r.last_actual_day);
  frame.chart_first_day = std::max(current.days.first_day, r.last_actual_day - kMaxChartHistoryDays + 1);

  Projection projection{spec, r, {}};
  ScenarioRunner runner(frame, LoadActualHours(engine, engine.zone().StartOfDay(r.first_projected_day)));
  for (const Scenario& scenario : spec.scenarios)
    projection.scenarios.push_back(runner.Run(scenario, history.features));
  return projection;
}

}  // namespace creditlens::projection

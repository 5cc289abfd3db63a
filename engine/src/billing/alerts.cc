// Alert evaluation: a timeline visitor that watches the balances after each usage bucket.
#include "billing/alerts.h"

#include <algorithm>
#include <stdexcept>

namespace creditlens::billing {
namespace {

__extension__ typedef __int128 Wide;  // products of credits and percents never overflow

std::vector<int> SortedPercents(std::vector<int> percents) {
  for (const int p : percents) {
    if (p <= 0) throw std::invalid_argument("alert threshold percents must be > 0, got " + std::to_string(p));
  }
  std::sort(percents.begin(), percents.end());
  percents.erase(std::unique(percents.begin(), percents.end()), percents.end());
  return percents;
}

// Thresholds of one quantity (included used, flex used), each fired once until Reset.
class Thresholds {
 public:
  explicit Thresholds(std::vector<int> percents) : percents_(SortedPercents(std::move(percents))) {}
  void Reset() { fired_ = 0; }
  // Percents newly reached by `used` out of `limit`, ascending.
  std::vector<int> Crossed(MicroCredits used, MicroCredits limit) {
    std::vector<int> crossed;
    if (limit <= 0) return crossed;
    for (; fired_ < percents_.size() && Wide{used} * 100 >= Wide{percents_[fired_]} * limit; ++fired_) {
      crossed.push_back(percents_[fired_]);
    }
    return crossed;
  }

 private:
  std::vector<int> percents_;
  std::size_t fired_ = 0;  // thresholds are reached in ascending order: the first fired_ have fired
};

class AlertWatcher : public TimelineVisitor {
 public:
  AlertWatcher(const Workspace& workspace, const model::TimeZone& zone, const AlertOptions& options)
      : workspace_(workspace),
        zone_(zone),
        included_(options.included_percents),
        flex_(options.flex_percents),
        exhausted_(workspace.credit_grants.size(), false) {}

  void CycleOpened(const BillingPeriod& /*cycle*/) override {
    included_.Reset();
    flex_.Reset();
  }

  void BucketConsumed(const UsageBucket& bucket, const BillingPeriod* cycle,
                      std::span<const Allocation> split, const CreditSources& sources) override {
    if (cycle) {
      const MicroCredits used = cycle->included - sources.included_remaining();
      for (const int p : included_.Crossed(used, cycle->included)) {
        Fire(AlertKind::kIncludedUsed, p, bucket, cycle, used, cycle->included);
      }
    }
    for (const Allocation& piece : split) {
      if (piece.source != SourceKind::kGrant || exhausted_[piece.grant] ||
          sources.grant_remaining(piece.grant) > 0) {
        continue;
      }
      exhausted_[piece.grant] = true;
      const CreditGrant& g = workspace_.credit_grants[piece.grant];
      Fire(AlertKind::kPrepaidExhausted, 100, bucket, cycle, g.credits, g.credits).grant_id = g.id;
    }
    if (cycle && workspace_.flex_enabled && workspace_.flex_threshold) {
      for (const int p : flex_.Crossed(sources.flex_used(), *workspace_.flex_threshold)) {
        Fire(AlertKind::kFlexApproached, p, bucket, cycle, sources.flex_used(), *workspace_.flex_threshold);
      }
    }
  }

  std::vector<Alert>& alerts() { return alerts_; }

 private:
  Alert& Fire(AlertKind kind, int percent, const UsageBucket& bucket, const BillingPeriod* cycle,
              MicroCredits used, MicroCredits limit) {
    Alert& a = alerts_.emplace_back();
    a.kind = kind;
    a.threshold_percent = percent;
    if (cycle) {
      a.cycle = cycle->index;
      a.cycle_start_ms = cycle->start_ms;
      a.cycle_end_ms = cycle->end_ms;
    }
    a.at_ms = bucket.hour_start_ms;
    a.local_day = zone_.LocalDay(bucket.hour_start_ms);
    a.used = used;
    a.limit = limit;
    a.used_basis_points = limit > 0 ? static_cast<std::int64_t>(Wide{used} * 10'000 / limit) : 0;
    return a;
  }

  const Workspace& workspace_;
  const model::TimeZone& zone_;
  Thresholds included_;
  Thresholds flex_;
  std::vector<bool> exhausted_;
  std::vector<Alert> alerts_;
};

}  // namespace

const char* ToString(AlertKind kind) {
  switch (kind) {
    case AlertKind::kIncludedUsed:
      return "included_used";
    case AlertKind::kPrepaidExhausted:
      return "prepaid_exhausted";
    case AlertKind::kFlexApproached:
      return "flex_approached";
  }
  return "?";
}

std::vector<Alert> EvaluateAlerts(const Workspace& workspace, const model::TimeZone& zone,
                                  std::span<const UsageBucket> usage, std::int64_t as_of_ms,
                                  const AlertOptions& options) {
  const std::vector<BillingPeriod> cycles = BillingPeriodsThrough(workspace, zone, as_of_ms);
  AlertWatcher watcher(workspace, zone, options);
  WalkCreditTimeline(workspace, cycles, usage, as_of_ms, watcher);
  return std::move(watcher.alerts());
}

}  // namespace creditlens::billing

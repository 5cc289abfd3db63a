// The timeline walk: cycles and grant events sorted by instant, merged with the usage buckets.
#include "billing/credit_timeline.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "billing/billing_cycle.h"
#include "model/timestamp.h"

namespace creditlens::billing {
namespace {

// Declared in the order events at one instant apply.
enum class Step { kCloseCycle, kOpenCycle, kGrantAvailable, kGrantExpires };

struct Event {
  std::int64_t at_ms;
  Step step;
  std::size_t ref;  // cycle or grant index
};

std::vector<Event> EventsThrough(const Workspace& workspace, std::span<const BillingPeriod> cycles,
                                 std::int64_t as_of_ms) {
  std::vector<Event> events;
  const auto add = [&](std::int64_t at_ms, Step step, std::size_t ref) {
    if (at_ms <= as_of_ms) events.push_back({at_ms, step, ref});
  };
  for (std::size_t i = 0; i < cycles.size(); ++i) {
    add(cycles[i].start_ms, Step::kOpenCycle, i);
    add(cycles[i].end_ms, Step::kCloseCycle, i);
  }
  for (std::size_t i = 0; i < workspace.credit_grants.size(); ++i) {
    const CreditGrant& g = workspace.credit_grants[i];
    add(g.available_from_ms, Step::kGrantAvailable, i);
    if (g.expires_at_ms) add(std::max(*g.expires_at_ms, g.available_from_ms), Step::kGrantExpires, i);
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return std::tie(a.at_ms, a.step, a.ref) < std::tie(b.at_ms, b.step, b.ref);
  });
  return events;
}

// Bucket indices by hour, category, feature; equal keys keep their input order.
std::vector<std::size_t> UsageOrder(std::span<const UsageBucket> usage, std::int64_t as_of_ms) {
  std::vector<std::size_t> order;
  order.reserve(usage.size());
  for (std::size_t i = 0; i < usage.size(); ++i) {
    const UsageBucket& b = usage[i];
    if (b.credits < 0) {
      throw std::invalid_argument("usage bucket " + model::FormatIsoUtc(b.hour_start_ms) + " " + b.category +
                                  "/" + b.feature + ": credits must be >= 0, got " +
                                  FormatMicroCredits(b.credits));
    }
    if (b.hour_start_ms < as_of_ms) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&usage](std::size_t a, std::size_t b) {
    return std::tie(usage[a].hour_start_ms, usage[a].category, usage[a].feature) <
           std::tie(usage[b].hour_start_ms, usage[b].category, usage[b].feature);
  });
  return order;
}

}  // namespace

std::vector<BillingPeriod> BillingPeriodsThrough(const Workspace& workspace, const model::TimeZone& zone,
                                                 std::int64_t as_of_ms) {
  std::vector<BillingPeriod> periods;
  if (workspace.subscriptions.empty()) return periods;
  std::int64_t t = workspace.subscriptions.front().starts_at_ms;
  for (const Subscription& s : workspace.subscriptions) t = std::min(t, s.starts_at_ms);
  while (t <= as_of_ms) {
    const std::optional<CycleWindow> window = CycleAt(workspace, zone, t);
    if (!window) {  // a gap with no plan: resume at the next subscription's start
      std::optional<std::int64_t> next;
      for (const Subscription& s : workspace.subscriptions) {
        if (s.starts_at_ms > t && (!next || s.starts_at_ms < *next)) next = s.starts_at_ms;
      }
      if (!next) break;
      t = *next;
      continue;
    }
    // A plan resumed after a shorter one may report a cycle that began before t; the walk starts it at t.
    periods.push_back({static_cast<int>(periods.size()), std::max(window->start_ms, t), window->end_ms,
                       *window->subscription, window->included});
    t = window->end_ms;
  }
  return periods;
}

void WalkCreditTimeline(const Workspace& workspace, std::span<const BillingPeriod> cycles,
                        std::span<const UsageBucket> usage, std::int64_t as_of_ms, TimelineVisitor& visitor) {
  CreditSources sources(workspace);
  const std::vector<Event> events = EventsThrough(workspace, cycles, as_of_ms);
  const BillingPeriod* current = nullptr;
  const auto apply = [&](const Event& e) {
    switch (e.step) {
      case Step::kCloseCycle:
        current = nullptr;
        visitor.CycleClosed(cycles[e.ref], sources.CloseCycle());
        break;
      case Step::kOpenCycle:
        current = &cycles[e.ref];
        sources.OpenCycle();
        sources.GrantIncluded(current->included);
        visitor.CycleOpened(*current);
        break;
      case Step::kGrantAvailable:
        sources.MakeAvailable(e.ref);
        visitor.GrantAvailable(e.ref, e.at_ms);
        break;
      case Step::kGrantExpires:
        visitor.GrantExpired(e.ref, e.at_ms, sources.Expire(e.ref));
        break;
    }
  };

  std::size_t next_event = 0;
  std::vector<Allocation> split;
  for (const std::size_t i : UsageOrder(usage, as_of_ms)) {
    const UsageBucket& bucket = usage[i];
    while (next_event < events.size() && events[next_event].at_ms <= bucket.hour_start_ms) {
      apply(events[next_event++]);
    }
    sources.Consume(bucket.credits, split);
    visitor.BucketConsumed(bucket, current, split, sources);
  }
  while (next_event < events.size()) apply(events[next_event++]);
}

}  // namespace creditlens::billing

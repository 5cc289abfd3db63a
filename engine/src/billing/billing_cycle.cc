// Cycle arithmetic on local calendar dates: cycle k starts at the anchor's local wall time on the
// anchor's day of month (clamped), k months (or 12k for annual plans) after the anchor.
#include "billing/billing_cycle.h"

namespace creditlens::billing {
namespace {

struct Anchor {
  model::CivilDate date;
  std::int64_t time_of_day_ms;
};

std::int64_t CycleStart(const model::TimeZone& zone, const Anchor& anchor, int months_after) {
  const std::int32_t day = model::FromCivilClamped(
      anchor.date.year, static_cast<int>(anchor.date.month) + months_after, anchor.date.day);
  return zone.ToUtc(day, anchor.time_of_day_ms);
}

}  // namespace

const Subscription* SubscriptionAt(const Workspace& workspace, std::int64_t t_ms) {
  const Subscription* found = nullptr;
  for (const Subscription& s : workspace.subscriptions) {
    const bool in_force = s.starts_at_ms <= t_ms && (!s.ends_at_ms || t_ms < *s.ends_at_ms);
    if (in_force && (!found || s.starts_at_ms > found->starts_at_ms)) found = &s;
  }
  return found;
}

std::optional<CycleWindow> CycleAt(const Workspace& workspace, const model::TimeZone& zone,
                                   std::int64_t t_ms) {
  const Subscription* s = SubscriptionAt(workspace, t_ms);
  if (!s) return std::nullopt;
  const Anchor anchor{model::ToCivil(zone.LocalDay(s->starts_at_ms)), zone.LocalTimeOfDayMs(s->starts_at_ms)};
  const int step = s->cycle == BillingCycle::kAnnual ? 12 : 1;

  const model::CivilDate now = model::ToCivil(zone.LocalDay(t_ms));
  const int months =
      (now.year - anchor.date.year) * 12 + static_cast<int>(now.month) - static_cast<int>(anchor.date.month);
  int k = months / step;
  while (k > 0 && CycleStart(zone, anchor, k * step) > t_ms) --k;
  while (CycleStart(zone, anchor, (k + 1) * step) <= t_ms) ++k;

  CycleWindow window;
  window.subscription = s;
  window.included = s->included_credits;
  window.start_ms = std::max(CycleStart(zone, anchor, k * step), s->starts_at_ms);
  window.end_ms = CycleStart(zone, anchor, (k + 1) * step);
  if (s->ends_at_ms) window.end_ms = std::min(window.end_ms, *s->ends_at_ms);
  for (const Subscription& other : workspace.subscriptions) {  // a plan change ends the cycle early
    if (other.starts_at_ms > t_ms && other.starts_at_ms < window.end_ms) window.end_ms = other.starts_at_ms;
  }
  return window;
}

MicroCredits MonthlyAllowance(const Subscription& subscription) {
  return subscription.cycle == BillingCycle::kAnnual ? subscription.included_credits / 12
                                                     : subscription.included_credits;
}

}  // namespace creditlens::billing

// Builds the sample accounts document (see accounts.h).
#include "accounts.h"

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cmath>
#include <string>

namespace creditlens::sample {
namespace {

namespace json = boost::json;

constexpr double kDaysPerMonth = 365.2425 / 12;
constexpr double kDaysPerYear = 365.2425;
constexpr int kSizingWindowDays = 90;

// Local midnight of day in the workspace's zone, as UTC text ("2025-01-30T18:30:00Z").
std::string Instant(const WorkspaceSpec& ws, date::local_days day) {
  const date::sys_seconds utc = ws.zone->to_sys(date::local_seconds{day}, date::choose::earliest);
  return date::format("%FT%TZ", utc);
}

// Credits per day over the last kSizingWindowDays of [from, to), both clamped to the history.
double DailyCredits(const std::vector<std::int64_t>& by_day, const HistoryRange& history,
                    date::local_days from, date::local_days to) {
  const auto index = [&](date::local_days day) {
    return std::clamp<long>((day - history.first_day_local()).count(), 0, history.days);
  };
  long end = index(to);
  long begin = std::max(index(from), end - kSizingWindowDays);
  if (end - begin < 7) {  // too little overlap with the history: use the whole of it
    begin = std::max(0L, static_cast<long>(history.days) - kSizingWindowDays);
    end = history.days;
  }
  std::int64_t micro = 0;
  for (long d = begin; d < end; ++d) micro += by_day[static_cast<std::size_t>(d)];
  return end > begin ? static_cast<double>(micro) / 1e6 / static_cast<double>(end - begin) : 0.0;
}

double RoundCents(double dollars) { return std::round(dollars * 100) / 100; }

}  // namespace

std::int64_t NiceCredits(double value, bool round_down) {
  static constexpr std::array<double, 10> kSteps = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10};
  if (!(value > 10)) return 10;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  const double mantissa = value / power;
  double chosen = round_down ? 1 : 10;
  for (const double step : kSteps) {
    if (round_down && step <= mantissa + 1e-9) chosen = step;
    if (!round_down && step >= mantissa - 1e-9) {
      chosen = step;
      break;
    }
  }
  return std::max<std::int64_t>(10, std::llround(chosen * power));
}

json::value BuildAccounts(const Organisation& org, const HistoryRange& history,
                          const GenerationTotals& totals) {
  const date::local_days history_end = history.first_day_local() + date::days{history.days};
  json::array workspaces;
  for (std::size_t w = 0; w < org.workspaces.size(); ++w) {
    const WorkspaceSpec& ws = org.workspaces[w];
    const std::vector<std::int64_t>& by_day = totals.credits_by_day[w];

    json::array subscriptions;
    std::int64_t latest_included = 0;
    for (const SubscriptionSpec& sub : ws.subscriptions) {
      const date::local_days until = sub.ends.value_or(history_end);
      const double cycle_days = sub.cycle == BillingCycle::kAnnual ? kDaysPerYear : kDaysPerMonth;
      const double per_cycle =
          DailyCredits(by_day, history, std::max(sub.starts, ws.active_from), until) * cycle_days;
      latest_included = NiceCredits(sub.included.factor * per_cycle, sub.included.round_down);
      json::object object;
      object["plan"] = sub.plan;
      object["starts_at"] = Instant(ws, sub.starts);
      object["ends_at"] = sub.ends ? json::value(Instant(ws, *sub.ends)) : json::value(nullptr);
      object["cycle"] = sub.cycle == BillingCycle::kAnnual ? "annual" : "monthly";
      object["included_credits"] = latest_included;
      object["flex_price_per_credit"] = sub.flex_price_per_credit;
      subscriptions.push_back(std::move(object));
    }

    json::array grants;
    for (const GrantSpec& grant : ws.grants) {
      const double per_month =
          DailyCredits(by_day, history, grant.available_from - date::days{kSizingWindowDays},
                       grant.available_from) *
          kDaysPerMonth;
      const std::int64_t credits = NiceCredits(grant.credits.factor * per_month, grant.credits.round_down);
      json::object object;
      object["id"] = grant.id;
      object["kind"] = "prepaid";
      object["credits"] = credits;
      object["price"] = RoundCents(static_cast<double>(credits) * ws.price_per_credit * (1 - grant.discount));
      object["available_from"] = Instant(ws, grant.available_from);
      object["expires_at"] = Instant(ws, grant.expires);
      object["priority"] = grant.priority;
      grants.push_back(std::move(object));
    }

    json::object object;
    object["id"] = ws.id;
    object["name"] = ws.name;
    object["kind"] = ws.kind == WorkspaceKind::kTeam ? "team" : "personal";
    object["timezone"] = ws.timezone;
    object["billing_email"] = ws.billing_email;
    object["price_per_credit"] = ws.price_per_credit;
    object["flex_enabled"] = ws.flex_enabled;
    object["flex_threshold"] =
        ws.flex_threshold_factor
            ? json::value(NiceCredits(*ws.flex_threshold_factor * static_cast<double>(latest_included), true))
            : json::value(nullptr);
    object["members_limit"] = ws.members_limit;
    object["members_count"] = ws.members_count;
    object["projects_limit"] = ws.projects_limit;
    object["projects_count"] = ws.projects_count;
    object["subscriptions"] = std::move(subscriptions);
    object["credit_grants"] = std::move(grants);
    workspaces.push_back(std::move(object));
  }
  json::object document;
  document["workspaces"] = std::move(workspaces);
  return document;
}

}  // namespace creditlens::sample

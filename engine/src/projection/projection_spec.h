// What a projection assumes: the horizon, the history that informs the rates, the forecast method,
// and one or more scenarios, each a start mode plus per-feature changes. A scenario file (Lua) and a
// saved projection (JSON) both describe exactly this; see docs/projections.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace creditlens::projection {

// How the baseline rates are forecast from the basis history.
enum class Method {
  kSeasonal,     // weekday rhythm x damped linear trend, with error bands (forecast.h)
  kCurrentRate,  // the basis period's average daily rate, flat
};

// What a scenario starts from.
enum class StartMode {
  kCurrent,  // the forecast of every feature's current rates (its changes, if any, apply on top)
  kScratch,  // nothing: only the features its changes add or set are projected
};

// How a change alters a feature's daily rate r on a day where it is in effect with weight f in [0, 1]
// (f rises linearly over a ramp, see FeatureChange):
//   scale k: r * (1 + f (k - 1));   add a: r + f a;   set s: r + f (s - r).
// Changes apply in the order the scenario lists them.
enum class ChangeKind { kScale, kAdd, kSet };

// The period an add or set amount is given per: a week is 7 days; a month is each calendar month's
// own length (100 per month adds 100/31 a day in December and 100/28 in February 2027).
enum class RatePer { kDay, kWeek, kMonth };

struct FeatureChange {
  std::string feature;
  std::string category;  // only for a feature with no history; empty: "other"
  ChangeKind kind = ChangeKind::kScale;
  double amount = 1;  // the scale factor, or credits per `per` (add, set)
  RatePer per = RatePer::kDay;
  // Local days (days since 1970-01-01 in the workspace's zone). The change is in effect from `from_day`
  // (default: the first projected day) through `until_day` (default: the horizon's last day). With
  // `ramp_until_day`, its weight rises linearly from 1/(n) on from_day to 1 on ramp_until_day
  // (n = the ramp's length in days) and stays 1 after; without, it is 1 throughout.
  std::optional<std::int32_t> from_day;
  std::optional<std::int32_t> until_day;
  std::optional<std::int32_t> ramp_until_day;
  std::string where;  // "examples/scenarios/growth.lua:14": where it was declared, for errors

  friend bool operator==(const FeatureChange&, const FeatureChange&) = default;
};

struct Scenario {
  std::string name;
  StartMode start = StartMode::kCurrent;
  std::vector<FeatureChange> changes;
  std::string where;

  friend bool operator==(const Scenario&, const Scenario&) = default;
};

struct ProjectionSpec {
  std::string title;      // empty: "Credit projection"
  std::string workspace;  // empty: --workspace, or the store's only workspace
  // "cycle_end" (the current billing cycle's last day), "next_cycle_end", "3m", "1y", or YYYY-MM-DD.
  std::string horizon = "cycle_end";
  // "7d", "30d", "90d", "cycle" (the current cycle to date), "previous_cycle", or FIRST..LAST.
  std::string basis = "30d";
  Method method = Method::kSeasonal;
  std::vector<Scenario> scenarios;  // at least one

  friend bool operator==(const ProjectionSpec&, const ProjectionSpec&) = default;
};

const char* ToString(Method method);    // "seasonal", "current_rate"
const char* ToString(StartMode start);  // "current", "scratch"
const char* ToString(ChangeKind kind);  // "scale", "add", "set"
const char* ToString(RatePer per);      // "day", "week", "month"
std::optional<Method> ParseMethod(std::string_view text);
std::optional<StartMode> ParseStartMode(std::string_view text);
std::optional<ChangeKind> ParseChangeKind(std::string_view text);
std::optional<RatePer> ParseRatePer(std::string_view text);

}  // namespace creditlens::projection

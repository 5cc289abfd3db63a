// The sample organisation: its workspaces (accounts: plans, grants, limits) and how each one uses
// the platform (size, growth, members, API keys, folders, workflows). Plain data, built for a
// history range so that plan anchors and grants land at sensible dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "date/date.h"
#include "date/tz.h"
#include "feature_catalogue.h"

namespace creditlens::sample {

// Events fall in [first_day, first_day + days) UTC.
struct HistoryRange {
  date::sys_days first_day;
  int days = 0;

  date::sys_days end_day() const { return first_day + date::days{days}; }
  // The first day as a calendar date without a zone (to place local midnights on).
  date::local_days first_day_local() const { return date::local_days{first_day.time_since_epoch()}; }
};

enum class WorkspaceKind { kTeam, kPersonal };
enum class BillingCycle { kMonthly, kAnnual };

// How an allowance or bundle is sized from the credits the workspace actually used: factor times
// its usage per cycle over the last 90 days of the subscription's time inside the history.
struct Sizing {
  double factor = 1.0;
  bool round_down = false;  // round to a "nice" number below (so usage exceeds it) or above
};

struct SubscriptionSpec {
  std::string plan;
  date::local_days starts;               // midnight in the workspace's zone = the cycle anchor
  std::optional<date::local_days> ends;  // set when a later subscription replaced this one
  BillingCycle cycle = BillingCycle::kMonthly;
  Sizing included;
  double flex_price_per_credit = 0;
};

struct GrantSpec {
  std::string id;
  date::local_days available_from;
  date::local_days expires;
  Sizing credits;       // factor = months of recent usage the bundle covers
  double discount = 0;  // price = credits * price_per_credit * (1 - discount)
  int priority = 50;
};

// One step of a workflow: the module that runs and the feature it spends credits on.
struct Step {
  std::string module;
  Feature feature;
};

// A workflow, scenario or agent that spends credits in runs.
struct SourceSpec {
  std::string name;
  bool automated = false;  // scheduled: busy at night too, indifferent to working hours
  double weight = 1;       // share of runs
  double mean_events = 4;  // events per run
  int max_minutes = 30;    // a run's events fall within this span
  std::vector<Step> steps;
  std::string folder;
  int api_key = -1;  // index into WorkspaceSpec::api_keys, -1 = none
  int user = -1;     // index into WorkspaceSpec::users, -1 = none (a service)
  double scale = 1;  // multiplies action sizes (big training runs)
};

struct WorkspaceSpec {
  // Accounts.
  std::string id;
  std::string name;
  WorkspaceKind kind = WorkspaceKind::kTeam;
  std::string timezone;
  const date::time_zone* zone = nullptr;
  std::string billing_email;
  double price_per_credit = 0.01;
  bool flex_enabled = false;
  std::optional<double> flex_threshold_factor;  // x the latest included credits; none = no cap
  int members_limit = 1, members_count = 1, projects_limit = 1, projects_count = 1;
  std::vector<SubscriptionSpec> subscriptions;
  std::vector<GrantSpec> grants;

  // Usage.
  double size = 1;         // relative events per hour at the end of the history
  double growth = 0;       // log growth over the history: size * exp(growth * (t - 1)), t in [0, 1]
  int spike_count = 0;     // days with a big training run (3-8x a normal day)
  double run_share = 0.7;  // chance that activity is a run of a source rather than a one-off call
  std::vector<std::string> users;
  std::vector<std::string> api_keys;
  std::vector<std::string> folders;
  std::vector<SourceSpec> sources;
  int spike_source = -1;                          // the source that runs during spikes
  std::array<double, kFeatureCount> adhoc_mix{};  // feature weights of one-off calls
  double adhoc_without_key = 0.25;
  double adhoc_without_folder = 0.15;
  date::local_days active_from{};  // no events before this local midnight (a newer customer)
};

struct Organisation {
  std::vector<WorkspaceSpec> workspaces;
};

// The sample organisation for a history range. Throws if a time zone is missing from the system.
Organisation BuildSampleOrganisation(const HistoryRange& history);

}  // namespace creditlens::sample

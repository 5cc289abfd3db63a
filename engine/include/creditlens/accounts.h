// Accounts of the data contract: workspaces with their subscriptions and prepaid credit grants.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "creditlens/credits.h"

namespace creditlens {

enum class WorkspaceKind { kTeam, kPersonal };
enum class BillingCycle { kMonthly, kAnnual };

struct Subscription {
  std::string plan;
  std::int64_t starts_at_ms = 0;  // the cycle anchor, UTC
  std::optional<std::int64_t> ends_at_ms;
  BillingCycle cycle = BillingCycle::kMonthly;
  MicroCredits included_credits = 0;  // per cycle
  std::string flex_price_per_credit;  // decimal dollars, kept as written
};

struct CreditGrant {
  std::string id;
  std::string kind;  // "prepaid", "promotional", ...
  MicroCredits credits = 0;
  std::string price;  // decimal dollars, kept as written
  std::int64_t available_from_ms = 0;
  std::optional<std::int64_t> expires_at_ms;
  int priority = 0;
};

struct Workspace {
  std::string id;
  std::string name;
  WorkspaceKind kind = WorkspaceKind::kTeam;
  std::string timezone = "UTC";  // IANA name
  std::string billing_email;
  std::string price_per_credit = "0";  // decimal dollars, kept as written
  bool flex_enabled = false;
  std::optional<MicroCredits> flex_threshold;
  std::optional<int> members_limit, members_count, projects_limit, projects_count;
  std::vector<Subscription> subscriptions;
  std::vector<CreditGrant> credit_grants;
};

inline const char* ToString(WorkspaceKind kind) {
  return kind == WorkspaceKind::kPersonal ? "personal" : "team";
}
inline const char* ToString(BillingCycle cycle) {
  return cycle == BillingCycle::kAnnual ? "annual" : "monthly";
}

}  // namespace creditlens

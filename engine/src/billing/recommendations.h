// Recommendations from the usage history: when a workspace keeps exceeding its included credits,
// compare what covering the expected overage would cost each cycle as
//   (a) flex, at the plan's flex_price_per_credit;
//   (b) the cheapest prepaid bundle purchase covering it: for each bundle tier, as many bundles of
//       that tier as needed (ceil(overage / tier credits)), each priced at tier credits x the
//       workspace's price_per_credit less the tier's discount, rounded once to cents;
//   (c) the next plan tier: the plan with the fewest included credits above the current plan's
//       (both per cycle; annual cycles count twelve months of a tier), costing the difference in
//       plan price plus flex for what would still exceed the bigger plan;
// and say which saves most and by how much.
//
// Rules:
//   - the history is the last RecommendationOptions::cycles closed cycles (default 3); a change is
//     recommended only when included credits were exceeded in most of them (more than half);
//   - expected overage = the mean over those cycles of max(0, used - current included), rounded up
//     to the micro-credit;
//   - savings are measured against (a), paying the overage as flex; the best option is the cheapest
//     available one, ties going to flex, then bundles, then the plan;
//   - each option's cost is one amount rounded once, half-even, to cents (money.h);
//   - defaults: bundle tiers 1,000 / 5,000 / 20,000 credits at 8% / 12% / 17% off; plans
//     starter 500 credits $5, core 1,000 $10, pro 5,000 $45, business 20,000 $160,
//     enterprise 100,000 $700 (included credits and price per month). The current plan is found
//     by name; when it is not in the list, (c) is unavailable.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "billing/ledger.h"
#include "billing/money.h"
#include "creditlens/accounts.h"

namespace creditlens::billing {

struct BundleTier {
  MicroCredits credits = 0;
  int discount_basis_points = 0;  // 800 = 8% off price_per_credit
};

struct PlanTier {
  std::string name;
  MicroCredits monthly_included = 0;
  MicroDollars monthly_price = 0;
};

std::vector<BundleTier> DefaultBundleTiers();
std::vector<PlanTier> DefaultPlanTiers();

struct RecommendationOptions {
  std::size_t cycles = 3;
  std::vector<BundleTier> bundles = DefaultBundleTiers();
  std::vector<PlanTier> plans = DefaultPlanTiers();
};

struct CycleUsage {
  MicroCredits included = 0;
  MicroCredits used = 0;
};

// Pure data about one workspace: its closed cycles and its current plan and prices.
struct RecommendationInput {
  std::vector<CycleUsage> history;  // closed cycles, oldest first
  std::string plan;
  BillingCycle cycle = BillingCycle::kMonthly;
  MicroCredits included = 0;  // per cycle, current plan
  MicroDollars flex_price_per_credit = 0;
  MicroDollars price_per_credit = 0;
  bool flex_enabled = false;
  std::optional<MicroCredits> flex_threshold;
};

// The closed cycles of the ledger and the plan of its last cycle. Throws std::invalid_argument for
// prices that are not plain decimals.
RecommendationInput RecommendationInputFrom(const Ledger& ledger);

enum class OptionKind { kFlex, kPrepaidBundle, kPlanUpgrade };
const char* ToString(OptionKind kind);  // "flex", "prepaid_bundle", "plan_upgrade"

struct RecommendationOption {
  OptionKind kind = OptionKind::kFlex;
  bool available = false;
  Cents cost_per_cycle = 0;
  std::string description;          // "2 x 1000-credit bundle at 8% off", "upgrade to pro"
  std::string note;                 // why unavailable, or a caveat
  MicroCredits credits_bought = 0;  // bundles: credits bought per cycle; plan: included per cycle
  std::size_t bundle_count = 0;
  std::string plan;
};

struct Recommendation {
  std::size_t cycles_considered = 0;
  std::size_t cycles_exceeded = 0;
  bool change_recommended = false;  // exceeded in more than half of the cycles considered
  MicroCredits included = 0;
  MicroCredits expected_overage = 0;
  std::vector<RecommendationOption> options;  // flex, bundle, plan; empty unless recommended
  std::optional<OptionKind> best;
  Cents saving_per_cycle = 0;  // flex cost - best cost
  Cents margin_per_cycle = 0;  // next-cheapest available option - best cost
  std::string summary;         // one sentence for people
};

// Throws std::invalid_argument for a bundle tier with no credits or a discount outside 0..10000.
Recommendation Recommend(const RecommendationInput& input, const RecommendationOptions& options = {});

}  // namespace creditlens::billing

// Recommendation arithmetic: expected overage, the three options, the cheapest.
#include "billing/recommendations.h"

#include <algorithm>
#include <stdexcept>

namespace creditlens::billing {
namespace {

constexpr MicroCredits Credits(std::int64_t whole) { return whole * kMicrosPerCredit; }
constexpr MicroDollars Dollars(std::int64_t whole) { return whole * kMicrosPerDollar; }

MicroCredits CeilDiv(MicroCredits a, MicroCredits b) { return (a + b - 1) / b; }

// Mean over the cycles of what exceeded `included`, rounded up.
MicroCredits MeanExcess(const std::vector<CycleUsage>& cycles, MicroCredits included) {
  if (cycles.empty()) return 0;
  MicroCredits sum = 0;
  for (const CycleUsage& c : cycles) sum += std::max<MicroCredits>(0, c.used - included);
  return CeilDiv(sum, static_cast<MicroCredits>(cycles.size()));
}

std::string Percent(int basis_points) {
  const std::string whole = std::to_string(basis_points / 100);
  const int rest = basis_points % 100;
  if (rest == 0) return whole + "%";
  return whole + (rest < 10 ? ".0" : ".") + std::to_string(rest) + "%";
}

RecommendationOption FlexOption(const RecommendationInput& in, MicroCredits overage) {
  RecommendationOption o;
  o.kind = OptionKind::kFlex;
  o.available = true;
  o.description = "flex at $" + FormatMicroCredits(in.flex_price_per_credit) + " per credit";
  o.cost_per_cycle = ExactAmount::Charge(overage, in.flex_price_per_credit).RoundToCents();
  if (!in.flex_enabled) o.note = "flex is disabled for this workspace; this is what enabling it would cost";
  if (in.flex_threshold && overage > *in.flex_threshold) {
    o.note = "the expected overage exceeds the flex threshold of " + FormatMicroCredits(*in.flex_threshold) +
             " credits; the rest would be over-limit";
  }
  return o;
}

RecommendationOption BundleOption(const RecommendationInput& in, MicroCredits overage,
                                  const std::vector<BundleTier>& tiers) {
  RecommendationOption best;
  best.kind = OptionKind::kPrepaidBundle;
  best.note = "no bundle tiers configured";
  for (const BundleTier& tier : tiers) {
    if (tier.credits <= 0 || tier.discount_basis_points < 0 ||
        tier.discount_basis_points > kBasisPointsPerWhole) {
      throw std::invalid_argument("bundle tiers need credits > 0 and a discount of 0..10000 basis points");
    }
    const MicroCredits count = CeilDiv(overage, tier.credits);
    const Cents unit_price =
        ExactAmount::Charge(tier.credits, in.price_per_credit, tier.discount_basis_points).RoundToCents();
    const Cents cost = count * unit_price;
    const MicroCredits bought = count * tier.credits;
    // Cheapest; on a tie, the fewest credits bought, then the first tier listed.
    if (best.available &&
        (cost > best.cost_per_cycle || (cost == best.cost_per_cycle && bought >= best.credits_bought))) {
      continue;
    }
    best.available = true;
    best.cost_per_cycle = cost;
    best.credits_bought = bought;
    best.bundle_count = static_cast<std::size_t>(count);
    best.description = std::to_string(count) + " x " + FormatMicroCredits(tier.credits) +
                       "-credit bundle at " + Percent(tier.discount_basis_points) + " off ($" +
                       FormatCents(unit_price) + " each)";
    best.note.clear();
  }
  return best;
}

RecommendationOption PlanOption(const RecommendationInput& in, const std::vector<CycleUsage>& cycles,
                                const std::vector<PlanTier>& plans) {
  RecommendationOption o;
  o.kind = OptionKind::kPlanUpgrade;
  const std::int64_t months = in.cycle == BillingCycle::kAnnual ? 12 : 1;
  const auto current =
      std::find_if(plans.begin(), plans.end(), [&](const PlanTier& p) { return p.name == in.plan; });
  if (current == plans.end()) {
    o.note = "the current plan '" + in.plan + "' is not in the plan list";
    return o;
  }
  // An upgrade is another plan that includes more credits than the subscription and costs more than
  // the current plan's tier: never the own plan (whose tier may include more than a grandfathered or
  // custom allowance), never a cheaper plan that only looks bigger than a custom allowance.
  const PlanTier* next = nullptr;
  for (const PlanTier& p : plans) {
    if (p.name != in.plan && p.monthly_included * months > in.included &&
        p.monthly_price > current->monthly_price && (!next || p.monthly_included < next->monthly_included)) {
      next = &p;
    }
  }
  if (!next) {
    o.note = "no plan includes more credits than " + in.plan;
    return o;
  }
  const MicroCredits included = next->monthly_included * months;
  const ExactAmount cost =
      ExactAmount::FromMicroDollars((next->monthly_price - current->monthly_price) * months) +
      ExactAmount::Charge(MeanExcess(cycles, included), in.flex_price_per_credit);
  o.available = true;
  o.plan = next->name;
  o.credits_bought = included;
  o.cost_per_cycle = cost.RoundToCents();
  o.description = "upgrade to " + next->name + " (" + FormatMicroCredits(included) + " credits per cycle)";
  return o;
}

}  // namespace

std::vector<BundleTier> DefaultBundleTiers() {
  return {{Credits(1'000), 800}, {Credits(5'000), 1'200}, {Credits(20'000), 1'700}};
}

std::vector<PlanTier> DefaultPlanTiers() {
  return {{"starter", Credits(500), Dollars(5)},
          {"core", Credits(1'000), Dollars(10)},
          {"pro", Credits(5'000), Dollars(45)},
          {"business", Credits(20'000), Dollars(160)},
          {"enterprise", Credits(100'000), Dollars(700)}};
}

const char* ToString(OptionKind kind) {
  switch (kind) {
    case OptionKind::kFlex:
      return "flex";
    case OptionKind::kPrepaidBundle:
      return "prepaid_bundle";
    case OptionKind::kPlanUpgrade:
      return "plan_upgrade";
  }
  return "?";
}

RecommendationInput RecommendationInputFrom(const Ledger& ledger) {
  RecommendationInput in;
  for (const BillingPeriod& c : ledger.cycles) {
    if (c.end_ms <= ledger.as_of_ms) in.history.push_back({c.included, UsageInCycle(ledger, c.index)});
  }
  if (!ledger.cycles.empty()) {
    const Subscription& s = ledger.cycles.back().subscription;
    in.plan = s.plan;
    in.cycle = s.cycle;
    in.included = s.included_credits;
    in.flex_price_per_credit =
        ParseDollars(s.flex_price_per_credit, "plan " + s.plan + " flex_price_per_credit");
  }
  in.price_per_credit = ParseDollars(ledger.workspace.price_per_credit, "workspace price_per_credit");
  in.flex_enabled = ledger.workspace.flex_enabled;
  in.flex_threshold = ledger.workspace.flex_threshold;
  return in;
}

Recommendation Recommend(const RecommendationInput& input, const RecommendationOptions& options) {
  Recommendation r;
  const std::size_t n = std::min(options.cycles, input.history.size());
  const std::vector<CycleUsage> cycles(input.history.end() - static_cast<std::ptrdiff_t>(n),
                                       input.history.end());
  r.cycles_considered = n;
  r.included = input.included;
  for (const CycleUsage& c : cycles) r.cycles_exceeded += c.used > c.included ? 1 : 0;
  r.change_recommended = r.cycles_exceeded * 2 > n;
  r.expected_overage = MeanExcess(cycles, input.included);
  const std::string record = "included credits were exceeded in " + std::to_string(r.cycles_exceeded) +
                             " of the last " + std::to_string(n) + " closed cycles";
  if (!r.change_recommended || r.expected_overage == 0) {
    r.change_recommended = false;
    r.summary = record + ": no change recommended";
    return r;
  }

  r.options = {FlexOption(input, r.expected_overage),
               BundleOption(input, r.expected_overage, options.bundles),
               PlanOption(input, cycles, options.plans)};
  const RecommendationOption* best = nullptr;
  const RecommendationOption* runner_up = nullptr;
  for (const RecommendationOption& o : r.options) {  // listed flex, bundle, plan: ties keep the earlier
    if (!o.available) continue;
    if (!best || o.cost_per_cycle < best->cost_per_cycle) {
      runner_up = best;
      best = &o;
    } else if (!runner_up || o.cost_per_cycle < runner_up->cost_per_cycle) {
      runner_up = &o;
    }
  }
  r.best = best->kind;  // flex is always available
  r.saving_per_cycle = r.options.front().cost_per_cycle - best->cost_per_cycle;
  if (runner_up) r.margin_per_cycle = runner_up->cost_per_cycle - best->cost_per_cycle;
  r.summary =
      record + "; expected overage " + FormatMicroCredits(r.expected_overage) + " credits per cycle. ";
  if (best->kind == OptionKind::kFlex) {
    r.summary += "Paying it as flex ($" + FormatCents(best->cost_per_cycle) + " per cycle) is cheapest";
  } else {
    r.summary += "Cheapest: " + best->description + " at $" + FormatCents(best->cost_per_cycle) +
                 " per cycle, saving $" + FormatCents(r.saving_per_cycle) + " per cycle against flex";
  }
  if (runner_up) r.summary += "; the next option costs $" + FormatCents(r.margin_per_cycle) + " more";
  r.summary += ".";
  return r;
}

}  // namespace creditlens::billing

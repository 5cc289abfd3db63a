// Credit sources, their balances, and the order usage consumes them.
//
// The consumption order, applied to each usage bucket in time order:
//   1. included credits of the billing cycle in force;
//   2. credit grants (prepaid bundles, and any other grant kind) that are available and not expired,
//      lower priority number first, then earliest expiry (a grant that never expires comes last),
//      then oldest available_from, then id;
//   3. flex, only when the workspace has flex enabled and a plan is in force, and only up to the
//      workspace's flex_threshold per cycle (no threshold = no cap);
//   4. over-limit: whatever no source could cover. It is recorded, never dropped.
// Every transition is exact in micro-credits and none lets a balance go negative: a debit larger
// than the balance is a logic error and throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "creditlens/accounts.h"

namespace creditlens::billing {

enum class SourceKind { kIncluded, kGrant, kFlex, kOverLimit };
const char* ToString(SourceKind source);  // "included", "grant", "flex", "over_limit"

enum class GrantState { kPending, kAvailable, kExpired };

// One piece of a usage bucket taken from one source.
struct Allocation {
  SourceKind source = SourceKind::kIncluded;
  std::size_t grant = 0;  // index into the workspace's credit_grants when source == kGrant
  MicroCredits credits = 0;
};

// The balances of every source at one instant. The timeline drives it forward; replaying a ledger
// drives it through the same transitions, so both agree on every balance by construction.
class CreditSources {
 public:
  // Throws std::invalid_argument for negative credits in a grant, a plan or the flex threshold.
  explicit CreditSources(const Workspace& workspace);

  // A cycle starts: included credits, flex used and over-limit restart from zero.
  void OpenCycle();
  void GrantIncluded(MicroCredits credits);
  // The cycle ends; returns the unused included credits, which expire.
  MicroCredits CloseCycle();
  void MakeAvailable(std::size_t grant);
  // The grant expires; returns its remainder, which expires with it.
  MicroCredits Expire(std::size_t grant);

  // Splits `credits` over the sources in the consumption order into `split` (cleared first), and
  // debits each piece.
  void Consume(MicroCredits credits, std::vector<Allocation>& split);
  // Takes one piece from one source; throws std::logic_error if that source cannot give it.
  void Debit(const Allocation& piece);

  bool in_cycle() const { return in_cycle_; }
  MicroCredits included_remaining() const { return included_remaining_; }
  MicroCredits grant_remaining(std::size_t grant) const { return grants_[grant].remaining; }
  GrantState grant_state(std::size_t grant) const { return grants_[grant].state; }
  MicroCredits flex_used() const { return flex_used_; }  // in the current cycle
  // Flex credits the current cycle may still use: 0 when flex is off or no plan is in force,
  // nothing when uncapped.
  std::optional<MicroCredits> flex_room() const;
  // Over-limit credits since the current cycle started (or since the last cycle ended).
  MicroCredits over_limit() const { return over_limit_; }
  // Grant indices in consumption order.
  const std::vector<std::size_t>& grant_order() const { return order_; }

 private:
  struct Grant {
    MicroCredits credits = 0;
    MicroCredits remaining = 0;
    GrantState state = GrantState::kPending;
  };

  bool flex_enabled_;
  std::optional<MicroCredits> flex_threshold_;
  std::vector<Grant> grants_;
  std::vector<std::size_t> order_;
  bool in_cycle_ = false;
  MicroCredits included_remaining_ = 0;
  MicroCredits flex_used_ = 0;
  MicroCredits over_limit_ = 0;
};

}  // namespace creditlens::billing

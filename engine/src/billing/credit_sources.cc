// The consumption order and the balance transitions of every credit source.
#include "billing/credit_sources.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <tuple>

namespace creditlens::billing {
namespace {

// The consumption order of grants: priority, expiry (none = last), availability, id.
bool ConsumedBefore(const CreditGrant& a, const CreditGrant& b) {
  constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
  const std::int64_t a_expiry = a.expires_at_ms.value_or(kNever);
  const std::int64_t b_expiry = b.expires_at_ms.value_or(kNever);
  return std::tie(a.priority, a_expiry, a.available_from_ms, a.id) <
         std::tie(b.priority, b_expiry, b.available_from_ms, b.id);
}

[[noreturn]] void Overdraw(const char* source, MicroCredits wanted, MicroCredits available) {
  throw std::logic_error(std::string("debit of ") + FormatMicroCredits(wanted) + " credits from " + source +
                         " exceeds its balance of " + FormatMicroCredits(available));
}

}  // namespace

const char* ToString(SourceKind source) {
  switch (source) {
    case SourceKind::kIncluded:
      return "included";
    case SourceKind::kGrant:
      return "grant";
    case SourceKind::kFlex:
      return "flex";
    case SourceKind::kOverLimit:
      return "over_limit";
  }
  return "?";
}

CreditSources::CreditSources(const Workspace& workspace)
    : flex_enabled_(workspace.flex_enabled), flex_threshold_(workspace.flex_threshold) {
  if (flex_threshold_ && *flex_threshold_ < 0) {
    throw std::invalid_argument("workspace " + workspace.id + ": flex_threshold must be >= 0");
  }
  for (const Subscription& s : workspace.subscriptions) {
    if (s.included_credits < 0) {
      throw std::invalid_argument("workspace " + workspace.id + ", plan " + s.plan +
                                  ": included_credits must be >= 0");
    }
  }
  for (const CreditGrant& g : workspace.credit_grants) {
    if (g.credits < 0) {
      throw std::invalid_argument("workspace " + workspace.id + ", grant " + g.id + ": credits must be >= 0");
    }
    grants_.push_back({g.credits, 0, GrantState::kPending});
  }
  order_.resize(grants_.size());
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  const auto& all = workspace.credit_grants;
  std::stable_sort(order_.begin(), order_.end(),
                   [&all](std::size_t a, std::size_t b) { return ConsumedBefore(all[a], all[b]); });
}

void CreditSources::OpenCycle() {
  in_cycle_ = true;
  included_remaining_ = 0;
  flex_used_ = 0;
  over_limit_ = 0;
}

void CreditSources::GrantIncluded(MicroCredits credits) {
  if (!in_cycle_) throw std::logic_error("included credits granted outside a cycle");
  if (credits < 0) throw std::logic_error("negative included credits");
  included_remaining_ += credits;
}

MicroCredits CreditSources::CloseCycle() {
  const MicroCredits unused = included_remaining_;
  in_cycle_ = false;
  included_remaining_ = 0;
  flex_used_ = 0;
  over_limit_ = 0;
  return unused;
}

void CreditSources::MakeAvailable(std::size_t grant) {
  Grant& g = grants_.at(grant);
  if (g.state != GrantState::kPending) throw std::logic_error("grant made available twice");
  g.state = GrantState::kAvailable;
  g.remaining = g.credits;
}

MicroCredits CreditSources::Expire(std::size_t grant) {
  Grant& g = grants_.at(grant);
  if (g.state != GrantState::kAvailable) throw std::logic_error("grant expired while not available");
  g.state = GrantState::kExpired;
  const MicroCredits unused = g.remaining;
  g.remaining = 0;
  return unused;
}

std::optional<MicroCredits> CreditSources::flex_room() const {
  if (!in_cycle_ || !flex_enabled_) return MicroCredits{0};
  if (!flex_threshold_) return std::nullopt;
  return std::max<MicroCredits>(0, *flex_threshold_ - flex_used_);
}

void CreditSources::Consume(MicroCredits credits, std::vector<Allocation>& split) {
  split.clear();
  if (credits < 0) throw std::invalid_argument("usage credits must be >= 0");
  const auto take = [&](SourceKind source, std::size_t grant, MicroCredits available) {
    const MicroCredits piece = std::min(credits, available);
    if (piece <= 0) return;
    split.push_back({source, grant, piece});
    Debit(split.back());
    credits -= piece;
  };
  take(SourceKind::kIncluded, 0, included_remaining_);
  for (const std::size_t grant : order_) {
    if (grants_[grant].state == GrantState::kAvailable)
      take(SourceKind::kGrant, grant, grants_[grant].remaining);
  }
  const std::optional<MicroCredits> room = flex_room();
  take(SourceKind::kFlex, 0, room.value_or(credits));
  take(SourceKind::kOverLimit, 0, credits);
}

void CreditSources::Debit(const Allocation& piece) {
  if (piece.credits < 0) throw std::logic_error("negative debit");
  switch (piece.source) {
    case SourceKind::kIncluded:
      if (piece.credits > included_remaining_) Overdraw("included", piece.credits, included_remaining_);
      included_remaining_ -= piece.credits;
      return;
    case SourceKind::kGrant: {
      Grant& g = grants_.at(piece.grant);
      const MicroCredits available = g.state == GrantState::kAvailable ? g.remaining : 0;
      if (piece.credits > available) Overdraw("a grant", piece.credits, available);
      g.remaining -= piece.credits;
      return;
    }
    case SourceKind::kFlex: {
      const std::optional<MicroCredits> room = flex_room();
      if (room && piece.credits > *room) Overdraw("flex", piece.credits, *room);
      flex_used_ += piece.credits;
      return;
    }
    case SourceKind::kOverLimit:
      over_limit_ += piece.credits;
      return;
  }
}

}  // namespace creditlens::billing

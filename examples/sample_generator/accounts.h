// The accounts document (accounts.json) of the sample organisation, in the shape DESIGN.md gives:
// workspaces with their subscriptions and credit grants. Allowances, flex caps and bundles are sized
// from the credits the generated events actually used, so some workspaces run over and some do not
// at any --events count.
#pragma once

#include <boost/json/value.hpp>

#include "event_generator.h"
#include "organisation.h"

namespace creditlens::sample {

boost::json::value BuildAccounts(const Organisation& org, const HistoryRange& history,
                                 const GenerationTotals& totals);

// Rounds to a number a price list would show (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of
// ten), the nearest at or below value when round_down, else at or above; at least 10.
std::int64_t NiceCredits(double value, bool round_down);

}  // namespace creditlens::sample

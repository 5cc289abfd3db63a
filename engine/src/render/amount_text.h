// Exact amounts as a report prints them in tables, KPI tiles and text: credits and dollars with
// thousands separators ("12,345.50", "$1,234.56"). For display only: sums stay exact elsewhere.
#pragma once

#include <cstdint>
#include <string>

#include "creditlens/credits.h"

namespace creditlens::render {

// Credits with two decimals, or with `exact` as many as they have (up to six): an audit log must not
// show a 0.001-credit event as 0.00.
std::string CreditsText(MicroCredits credits, bool exact = false);

// Cents as dollars with the sign in front: "$1,234.56", "-$0.05".
std::string DollarsText(std::int64_t cents);

}  // namespace creditlens::render

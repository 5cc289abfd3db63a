// The tables of a projection report: scenarios side by side, a scenario's billing cycles, and its
// projection per feature. Cells are formatted text, credits with two decimals.
#pragma once

#include "projection/projection_result.h"
#include "render/document.h"

namespace creditlens::projection {

// One row per scenario: projected P50 (P10 – P90), prepaid, flex, flex cost and when included and
// prepaid credits run out.
render::Table ScenarioComparisonTable(const Projection& projection);

// One row per billing cycle the projection overlaps; a cycle cut at the horizon says so.
render::Table CyclesTable(const ScenarioResult& scenario);

// One row per feature: its basis rate, projected P10, P50 and P90, and whether the scenario changed
// or added it.
render::Table FeaturesTable(const ScenarioResult& scenario);

}  // namespace creditlens::projection

// Runs a projection: forecasts each feature from the basis history, applies each scenario's changes,
// puts the projected usage through the ledger and collects what projection_result.h describes.
#pragma once

#include <cstdint>

#include "projection/projection_result.h"
#include "projection/projection_spec.h"
#include "query/usage_query.h"

namespace creditlens::projection {

// The last complete local day of history at as_of: as_of's own day when as_of is its last instant
// (as --as-of DATE gives), else the day before. A day still running is projected, not counted.
std::int32_t LastCompleteDay(const model::TimeZone& zone, std::int64_t as_of_ms);

// `engine` is scoped to one workspace and uses that workspace's time zone. Throws
// std::invalid_argument for a spec the data cannot satisfy (a horizon or basis, a source's error).
Projection RunProjection(const query::UsageEngine& engine, const ProjectionSpec& spec, std::int64_t as_of_ms);

}  // namespace creditlens::projection

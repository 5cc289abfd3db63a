// A chart may draw only some series of a dataset: `select = { feature = "inference_hosted" }` keeps the
// series whose key for that dimension is one of the given values (usage_graphs.lua draws one chart
// per feature this way, and cycle.lua one per category).
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "query/usage_query.h"

namespace creditlens::script {

// The dataset itself when the block has no `select`; otherwise a copy holding the selected series,
// with totals recomputed. Throws std::invalid_argument naming `where` for a dimension the dataset is
// not grouped by or a value that is not text.
query::Dataset SelectSeries(const query::Dataset& dataset, const boost::json::object& block,
                            const std::string& where);

}  // namespace creditlens::script

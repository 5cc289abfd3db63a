// Builds the SQL of an aggregate request: read from the hourly rollups when they can answer it
// exactly, from the raw events otherwise. User values are always bound, never spliced.
#pragma once

#include <string>
#include <vector>

#include "creditlens/source_connector.h"

namespace creditlens::sqlite {

struct AggregateSql {
  std::string sql;
  std::vector<std::string> text_parameters;  // bound after the two time bounds, in order
  bool uses_rollup = false;
};

AggregateSql BuildAggregateSql(const AggregateRequest& request);

}  // namespace creditlens::sqlite

// Open-time validation of a mapping against the server: each mapped table exists and each mapped
// column or expression compiles as the connector will read it ("SELECT <exprs> FROM <table> WHERE
// 1 = 0", one per table, then one per entry only to find the one at fault), so that a mistake is
// reported by the entry at fault, before any report.
#pragma once

#include <Poco/Data/Session.h>

#include "column_mapping.h"
#include "sql_dialect.h"

namespace creditlens::sql {

// Throws std::runtime_error like
// 'mapping events.columns.credits = "amount_mili / 1000.0": column "amount_mili" does not exist'.
void ProbeMapping(Poco::Data::Session& session, const SqlDialect& dialect,
                  const mapping::SourceMapping& mapping);

}  // namespace creditlens::sql

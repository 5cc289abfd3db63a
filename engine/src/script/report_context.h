// What a report run knows about "now" and its scope, prepared from the usage engine: today, the
// billing cycles, the plan's monthly allowance and the scope's label. Shared by `creditlens report`
// and the scheduler, so that a scheduled report shows what the same command would.
#pragma once

#include <cstdint>

#include "query/usage_query.h"
#include "script/report_runner.h"

namespace creditlens::script {

// as_of_ms is "now" for relative ranges ("last 30 days", "billing_month").
ReportContext PrepareReportContext(const query::UsageEngine& engine, std::int64_t as_of_ms);

}  // namespace creditlens::script

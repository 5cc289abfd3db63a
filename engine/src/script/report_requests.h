// The data stage of a report run: each named request the report made (cl.usage, cl.credits,
// cl.ledger, cl.balances, cl.invoice, cl.alerts, cl.recommendation) run into a dataset or a table.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "query/usage_query.h"
#include "script/report_runner.h"

namespace creditlens::script {

struct RequestScope {
  const query::UsageEngine& engine;
  const ReportContext& context;
  std::string report_range;  // the report's range spec: the default of every request
  query::Unit report_unit;
};

// Runs every request into out.datasets and out.tables. Throws std::invalid_argument naming
// "data.<name>.<field>" for a request it cannot run.
void RunRequests(const boost::json::object& requests, const RequestScope& scope, ReportOutput& out);

}  // namespace creditlens::script

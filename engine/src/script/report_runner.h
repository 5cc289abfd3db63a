// Runs a Lua report: describe its params, resolve them, run the data it asks for through the
// query engine, run its layout, and return the document to draw and the exact numbers behind it.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "query/cycle_summary.h"
#include "query/data_table.h"
#include "query/usage_query.h"
#include "render/document.h"
#include "script/sandbox.h"

namespace creditlens::script {

struct ReportRun {
  std::filesystem::path report_file;
  // Where require looks: the scripts/ library first, then the report's own folder, then --lib-path.
  std::vector<std::filesystem::path> search_path;
  std::map<std::string, std::string> params;  // from --param name=value
  SandboxLimits limits;
};

// What the run knows about "now" and the scope, prepared by the caller.
struct ReportContext {
  std::int32_t today = 0;  // local day in the engine's zone
  std::int64_t as_of_ms = 0;
  query::CycleSummary cycle;
  // "billing_month" and "previous_cycle": the workspace's cycles, or calendar months.
  query::BillingPeriods billing_periods;
  MicroCredits monthly_allowance = 0;
  std::string scope_label;  // "Acme Vision (ws001)" or "Organisation"
};

struct KpiValue {
  std::string label, unit, caption;
  std::optional<std::int64_t> micro;  // credits and dollars, exact
  std::string text;                   // dates and text, and the formatted amount
};

struct ReportOutput {
  std::string title;
  std::vector<query::Dataset> datasets;  // usage, by name, alphabetically (a Lua table has no order)
  std::vector<query::DataTable> tables;  // billing views, by name likewise
  std::vector<KpiValue> kpis;
  render::Document document;
  boost::json::object meta;  // scope, as_of, timezone, range, params
};

// Throws ScriptError for script failures and std::invalid_argument for bad params or requests.
ReportOutput RunReport(const ReportRun& run, const query::UsageEngine& engine, const ReportContext& context);

}  // namespace creditlens::script

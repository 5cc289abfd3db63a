// creditlens alerts: evaluates the credit alerts of each workspace in scope up to --as-of and
// prints the alert records (delivery by email belongs to scheduled runs).
#include <algorithm>
#include <cstdio>

#include "billing/alerts.h"
#include "commands.h"
#include "model/time_zone.h"
#include "query/billing_tables.h"
#include "scope_options.h"
#include "script/report_export.h"
#include "source_session.h"
#include "text_table.h"

namespace creditlens::cli {
namespace {

std::vector<int> ParsePercents(const ParsedArgs& args, const char* name, std::vector<int> fallback) {
  const auto text = args.Get(name);
  if (!text) return fallback;
  std::vector<int> out;
  std::size_t start = 0;
  while (start <= text->size()) {
    const std::size_t comma = std::min(text->find(',', start), text->size());
    const std::string part = text->substr(start, comma - start);
    const auto value = ParseInteger(part);
    if (!value || *value <= 0 || *value > 100) {
      throw UsageError(std::string("--") + name + " expects percents like 80,100, got '" + *text + "'");
    }
    out.push_back(static_cast<int>(*value));
    start = comma + 1;
  }
  return out;
}

void PrintText(const query::DataTable& table) {
  if (table.rows.empty()) {
    std::printf("no alerts\n");
    return;
  }
  std::vector<std::vector<std::string>> cells;
  cells.emplace_back();
  for (const auto& column : table.columns) cells.back().push_back(column.name);
  for (const auto& row : table.rows) {
    cells.emplace_back();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      cells.back().push_back(query::ExactText(row[c], table.columns[c].type));
    }
  }
  PrintColumns(cells);
}

int RunAlerts(const ParsedArgs& args, const std::filesystem::path& executable) {
  const ScopeArgs scope_args = ParseScopeArgs(args);
  billing::AlertOptions options;
  options.included_percents = ParsePercents(args, "included", options.included_percents);
  options.flex_percents = ParsePercents(args, "flex", options.flex_percents);
  const std::string format = args.Get("format").value_or("text");
  if (format != "text" && format != "json" && format != "csv") {
    throw UsageError("unknown format '" + format + "' (accepted: text, json, csv)");
  }

  auto session = OpenSource(args, executable, Access::kRead);
  const Scope scope = OpenScope(scope_args, *session);
  script::ReportOutput out;
  out.title = "Alerts";
  out.tables.push_back(query::AlertsTable("alerts", *scope.engine, scope.as_of_ms, options));
  out.meta["report"] = "alerts";
  out.meta["scope"] = scope_args.workspace ? *scope_args.workspace : "organisation";
  out.meta["timezone"] = scope.engine->zone().name();
  out.meta["as_of"] = model::FormatDate(scope.engine->zone().LocalDay(scope.as_of_ms));
  if (format == "text") {
    PrintText(out.tables.front());
  } else {
    const std::string text = format == "json" ? script::ExportJson(out) : script::ExportCsv(out);
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  return 0;
}

}  // namespace

Command AlertsCommand() {
  CommandSpec spec{
      "alerts", "", "Evaluate credit alerts up to now (or --as-of) and print each alert record.",
      "Alerts: included credits used reached each --included percent (default 80,100), a prepaid\n"
      "grant exhausted, flex used reached each --flex percent of the flex threshold (default 80).\n"
      "Each fires once per threshold per billing cycle, at the hour its usage crossed it.",
      SourceOptions()};
  const auto scope = ScopeOptions();
  spec.options.insert(spec.options.end(), scope.begin(), scope.end());
  spec.options.push_back({"included", "PERCENTS", "thresholds of included credits used, e.g. 50,80,100"});
  spec.options.push_back({"flex", "PERCENTS", "thresholds of the flex threshold used, e.g. 80"});
  spec.options.push_back({"format", "FORMAT", "text (default), json or csv"});
  return {spec, &RunAlerts};
}

}  // namespace creditlens::cli

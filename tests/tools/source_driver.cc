// Test driver: loads a source plugin through the registry, opens it on a URI with settings, and runs
// one request. Everything comes as one JSON object on stdin, so that any text (a mapping, filter values
// full of quotes, tabs and newlines) passes unchanged. Prints one JSON object per result line on
// stdout; exits 0 when the request ran, 1 when the plugin reported an error (printed as
// "error: <message>"), 2 for a malformed request. The URI's scheme picks the plugin.
//
//   stdin: {"plugin_dirs": ["build/plugins"], "source": "clickhouse://...", "settings": {"mapping": "..."},
//           "op": "aggregate", "from_ms": 0, "to_ms": 1, "bucket": "none|hour|quarter_hour",
//           "group_by": ["workspace", ...], "filters": [{"dimension": "user", "values": ["a", ...]}]}
//     ops: "aggregate" (as above), "events" (from_ms, to_ms, filters, limit), "accounts"
//   stdout: aggregate: {"bucket_start_ms": 0, "keys": [...], "credits": "1.5", "events": 3} per row
//           events: every field of each event (credits and quantity as exact decimal text)
//           accounts: {"id", "name", "kind", "timezone", "price_per_credit", "flex_enabled",
//                      "flex_threshold", "subscriptions", "included_credits", "grant_credits"} per workspace
#include <boost/json.hpp>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "plugin/plugin_registry.h"
#include "query/usage_query.h"

namespace {

namespace json = boost::json;
using namespace creditlens;

Dimension DimensionNamed(std::string_view name) {
  if (const auto dimension = query::DimensionByName(std::string(name))) return *dimension;
  throw std::invalid_argument("unknown dimension " + std::string(name));
}

std::vector<DimensionFilter> Filters(const json::object& request) {
  std::vector<DimensionFilter> filters;
  if (const auto* list = request.if_contains("filters")) {
    for (const auto& item : list->as_array()) {
      DimensionFilter& filter = filters.emplace_back();
      filter.dimension = DimensionNamed(item.at("dimension").as_string());
      for (const auto& value : item.at("values").as_array()) filter.values.emplace_back(value.as_string());
    }
  }
  return filters;
}

void Check(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.message());
}

void PrintLine(const json::value& value) { std::cout << json::serialize(value) << '\n'; }

json::value Optional(const std::optional<std::int64_t>& value, bool credits) {
  if (!value) return nullptr;
  return credits ? json::value(FormatMicroCredits(*value)) : json::value(*value);
}

void Aggregate(SourceConnector& source, const json::object& request) {
  AggregateRequest r;
  r.from_ms = request.at("from_ms").to_number<std::int64_t>();
  r.to_ms = request.at("to_ms").to_number<std::int64_t>();
  r.filters = Filters(request);
  if (const auto* group_by = request.if_contains("group_by")) {
    for (const auto& name : group_by->as_array()) r.group_by.push_back(DimensionNamed(name.as_string()));
  }
  const auto* bucket = request.if_contains("bucket");
  const std::string_view bucket_name = bucket ? std::string_view(bucket->as_string()) : "none";
  r.bucket = bucket_name == "hour"           ? TimeBucket::kHourUtc
             : bucket_name == "quarter_hour" ? TimeBucket::kQuarterHourUtc
                                             : TimeBucket::kNone;
  std::vector<AggregateRow> rows;
  Check(source.Aggregate(r, rows));
  for (const AggregateRow& row : rows) {
    json::array keys(row.keys.begin(), row.keys.end());
    PrintLine({{"bucket_start_ms", row.bucket_start_ms},
               {"keys", keys},
               {"credits", FormatMicroCredits(row.credits)},
               {"events", row.events}});
  }
}

void Events(SourceConnector& source, const json::object& request) {
  EventQuery q;
  q.from_ms = request.at("from_ms").to_number<std::int64_t>();
  q.to_ms = request.at("to_ms").to_number<std::int64_t>();
  q.filters = Filters(request);
  const auto* limit_value = request.if_contains("limit");
  const std::int64_t limit = limit_value ? limit_value->to_number<std::int64_t>() : -1;
  std::int64_t listed = 0;
  Check(source.ListEvents(q, [&](const UsageEvent& e) {
    PrintLine({{"id", e.id},
               {"ts_ms", e.ts_ms},
               {"workspace_id", e.workspace_id},
               {"category", e.category},
               {"feature", e.feature},
               {"credits", FormatMicroCredits(e.credits)},
               {"quantity", Optional(e.quantity, true)},
               {"unit", e.unit},
               {"folder", e.folder},
               {"api_key", e.api_key},
               {"user_id", e.user_id},
               {"source", e.source},
               {"run_id", e.run_id},
               {"module", e.module},
               {"data_bytes", Optional(e.data_bytes, false)}});
    return ++listed != limit;
  }));
}

void Accounts(SourceConnector& source) {
  std::vector<Workspace> workspaces;
  Check(source.LoadAccounts(workspaces));
  for (const Workspace& w : workspaces) {
    json::array included, grants;
    for (const auto& s : w.subscriptions)
      included.push_back(json::string(FormatMicroCredits(s.included_credits)));
    for (const auto& g : w.credit_grants) grants.push_back(json::string(FormatMicroCredits(g.credits)));
    PrintLine({{"id", w.id},
               {"name", w.name},
               {"kind", ToString(w.kind)},
               {"timezone", w.timezone},
               {"price_per_credit", w.price_per_credit},
               {"flex_enabled", w.flex_enabled},
               {"flex_threshold", Optional(w.flex_threshold, true)},
               {"subscriptions", w.subscriptions.size()},
               {"included_credits", included},
               {"grant_credits", grants}});
  }
}

// Settings as the CLI hands them over: every declared one, defaults filled in, the URI's rest in "uri".
Settings SettingsFor(const SourceConnector& source, const json::object& request, const std::string& rest) {
  Settings settings;
  for (const auto& spec : source.Describe().settings) settings[spec.name] = spec.default_value;
  settings[settings.contains("uri") ? "uri" : "path"] = rest;
  if (const auto* given = request.if_contains("settings")) {
    for (const auto& [name, value] : given->as_object()) settings[std::string(name)] = value.as_string();
  }
  return settings;
}

}  // namespace

int main() {
  json::object request;
  std::string uri;
  std::vector<std::filesystem::path> plugin_dirs;
  try {
    const std::string input{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    request = json::parse(input).as_object();
    uri = request.at("source").as_string();
    for (const auto& dir : request.at("plugin_dirs").as_array())
      plugin_dirs.emplace_back(dir.as_string().c_str());
    if (uri.find(':') == std::string::npos) throw std::invalid_argument("source must be SCHEME:REST");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "malformed request: %s\n", e.what());
    return 2;
  }
  plugin::PluginRegistry registry;
  registry.LoadFrom(plugin_dirs);
  try {
    const auto colon = uri.find(':');
    auto source = registry.CreateSource(uri.substr(0, colon));
    Check(source->Open(SettingsFor(*source, request, uri.substr(colon + 1))));
    const std::string_view op = request.at("op").as_string();
    if (op == "aggregate") {
      Aggregate(*source, request);
    } else if (op == "events") {
      Events(*source, request);
    } else if (op == "accounts") {
      Accounts(*source);
    } else {
      throw std::invalid_argument("unknown op " + std::string(op));
    }
  } catch (const std::exception& e) {
    std::cout.flush();
    std::printf("error: %s\n", e.what());
    return 1;
  }
  return 0;
}

// Reading and running data requests. Billing requests build each visible workspace's ledger once.
#include "script/report_requests.h"

#include <boost/json.hpp>
#include <cmath>
#include <optional>
#include <stdexcept>

#include "query/billing_tables.h"
#include "query/event_tables.h"
#include "script/json_fields.h"

namespace creditlens::script {
namespace {

namespace json = boost::json;

[[noreturn]] void Fail(const std::string& where, const std::string& field, const std::string& problem) {
  throw std::invalid_argument(where + (field.empty() ? "" : "." + field) + ": " + problem);
}

query::DayRange RequestRange(const std::string& where, const json::object& spec, const RequestScope& s) {
  try {
    return query::ResolveDayRange(StringField(spec, "range", s.report_range), s.context.today,
                                  s.context.billing_periods);
  } catch (const std::invalid_argument& e) {
    Fail(where, "", e.what());
  }
}

std::vector<DimensionFilter> ReadFilters(const std::string& where, const json::object& spec) {
  std::vector<DimensionFilter> filters;
  const auto* value = spec.if_contains("where");
  if (!value || value->is_null() || (value->is_array() && value->as_array().empty())) return filters;
  if (!value->is_object()) Fail(where, "where", "expected { dimension = value or { values } }");
  for (const auto& [key, values] : value->as_object()) {
    const std::string field = "where." + std::string(key);
    const auto dimension = query::DimensionByName(std::string(key));
    if (!dimension) Fail(where, field, "unknown dimension (accepted: " + query::AcceptedDimensions() + ")");
    DimensionFilter filter{*dimension, {}};
    for (const auto& v : values.is_array() ? values.as_array() : json::array{values}) {
      if (!v.is_string()) Fail(where, field, "expected text or a list of texts");
      filter.values.emplace_back(v.as_string());
    }
    if (filter.values.empty()) Fail(where, field, "expected at least one value");
    filters.push_back(std::move(filter));
  }
  return filters;
}

bool BoolField(const std::string& where, const json::object& spec, const char* key) {
  const auto* v = spec.if_contains(key);
  if (!v || v->is_null()) return false;
  if (!v->is_bool()) Fail(where, key, "expected true or false");
  return v->as_bool();
}

std::size_t CountField(const std::string& where, const json::object& spec, const char* key) {
  const auto* v = spec.if_contains(key);
  if (!v || v->is_null()) return 0;
  if (!v->is_int64() || v->as_int64() < 0) Fail(where, key, "expected a whole number >= 0");
  return static_cast<std::size_t>(v->as_int64());
}

query::EventSelection ReadSelection(const std::string& where, const json::object& spec,
                                    const RequestScope& scope) {
  return {RequestRange(where, spec, scope), ReadFilters(where, spec),
          BoolField(where, spec, "exclude_direct")};
}

query::UsageQuery ReadUsageRequest(const std::string& name, const json::object& spec,
                                   const RequestScope& scope) {
  const std::string where = "data." + name;
  auto fail = [&](const std::string& field, const std::string& problem) { Fail(where, field, problem); };
  query::UsageQuery q;
  const query::EventSelection selection = ReadSelection(where, spec, scope);
  q.first_day = selection.range.first_day;
  q.last_day = selection.range.last_day;
  q.filters = selection.filters;
  q.exclude_direct = selection.exclude_direct;
  try {
    q.grain = query::ParseGrain(StringField(spec, "grain"));
  } catch (const std::invalid_argument& e) {
    fail("", e.what());
  }
  if (const auto* group = spec.if_contains("group"); group && group->is_array()) {
    for (const auto& g : group->as_array()) {
      if (!g.is_string()) fail("group", "expected dimension names");
      q.group_by.emplace_back(g.as_string());
    }
  }
  q.cumulative = BoolField(where, spec, "cumulative");
  q.zeros = BoolField(where, spec, "zeros");
  q.top = CountField(where, spec, "top");
  const std::string compare = StringField(spec, "compare");
  if (!compare.empty() && compare != "previous") fail("compare", "expected \"previous\"");
  if (!compare.empty()) {
    // A billing cycle compares with the cycle before, which may be longer or shorter.
    const std::string range = StringField(spec, "range", scope.report_range);
    const bool cycle = range == "billing_month" || range == "cycle" || range == "current_cycle";
    q.compare_with = cycle ? scope.context.billing_periods.previous
                           : query::PreviousPeriod(selection.range, scope.context.today);
  }
  const std::string unit = StringField(spec, "unit", query::ToString(scope.report_unit));
  if (unit != "credits" && unit != "dollars") fail("unit", "expected credits or dollars");
  q.unit = unit == "dollars" ? query::Unit::kDollars : query::Unit::kCredits;
  return q;
}

query::RunGrouping ReadRunGrouping(const std::string& where, const json::object& spec) {
  const std::string by = StringField(spec, "by", "run");
  if (by == "run") return query::RunGrouping::kRun;
  if (by == "source") return query::RunGrouping::kSource;
  if (by == "module") return query::RunGrouping::kModule;
  Fail(where, "by", "expected run, source or module");
}

// The ledgers of the visible workspaces, built on first use.
class Ledgers {
 public:
  explicit Ledgers(const RequestScope& scope) : scope_(scope) {}
  const std::vector<billing::Ledger>& Get() {
    if (!ledgers_) ledgers_ = query::LoadLedgers(scope_.engine, scope_.context.as_of_ms);
    return *ledgers_;
  }

 private:
  const RequestScope& scope_;
  std::optional<std::vector<billing::Ledger>> ledgers_;
};

std::vector<int> Percents(const std::string& where, const json::object& spec, const char* key,
                          std::vector<int> fallback) {
  const auto* v = spec.if_contains(key);
  if (!v || v->is_null()) return fallback;
  std::vector<int> out;
  for (const auto& p : v->is_array() ? v->as_array() : json::array{*v}) {
    if (!p.is_int64() || p.as_int64() <= 0 || p.as_int64() > 100)
      Fail(where, key, "expected percents from 1 to 100");
    out.push_back(static_cast<int>(p.as_int64()));
  }
  return out;
}

// A decimal from Lua (a number or a string) as micro-units; fails naming the field.
std::int64_t Micros(const std::string& where, const std::string& field, const json::value& v) {
  std::optional<MicroCredits> micros;
  if (v.is_string()) micros = ParseMicroCredits(std::string(v.as_string()));
  if (v.is_int64()) micros = v.as_int64() * kMicrosPerCredit;
  if (v.is_double()) micros = std::llround(v.as_double() * 1e6);
  if (!micros || *micros < 0) Fail(where, field, "expected a number >= 0 with at most 6 decimals");
  return *micros;
}

// bundles = { { credits = 1000, discount = 8 }, ... }, plans = { { name = "pro", included = 5000,
// price = 45 }, ... }, cycles = 3: each replaces the defaults of recommendations.h when given.
billing::RecommendationOptions ReadRecommendationOptions(const std::string& where, const json::object& spec) {
  billing::RecommendationOptions options;
  if (const auto* cycles = spec.if_contains("cycles"); cycles && !cycles->is_null()) {
    if (!cycles->is_int64() || cycles->as_int64() < 1 || cycles->as_int64() > 120) {
      Fail(where, "cycles", "expected a whole number of cycles from 1 to 120");
    }
    options.cycles = static_cast<std::size_t>(cycles->as_int64());
  }
  const auto list = [&](const char* key) -> const json::array* {
    const auto* v = spec.if_contains(key);
    if (!v || v->is_null()) return nullptr;
    if (!v->is_array() || v->as_array().empty()) Fail(where, key, "expected a non-empty list");
    return &v->as_array();
  };
  if (const auto* bundles = list("bundles")) {
    options.bundles.clear();
    for (std::size_t i = 0; i < bundles->size(); ++i) {
      const std::string at = "bundles[" + std::to_string(i + 1) + "]";
      if (!(*bundles)[i].is_object()) Fail(where, at, "expected { credits = N, discount = percent }");
      const json::object& b = (*bundles)[i].as_object();
      const json::value* discount = b.if_contains("discount");
      const std::int64_t discount_micros = discount ? Micros(where, at + ".discount", *discount) : 0;
      if (discount_micros >= 100 * kMicrosPerCredit || discount_micros % 10'000 != 0) {
        Fail(where, at + ".discount", "expected a percent below 100 with at most 2 decimals");
      }
      const MicroCredits credits =
          Micros(where, at + ".credits", b.contains("credits") ? b.at("credits") : nullptr);
      if (credits == 0) Fail(where, at + ".credits", "expected more than 0 credits");
      options.bundles.push_back({credits, static_cast<int>(discount_micros / 10'000)});
    }
  }
  if (const auto* plans = list("plans")) {
    options.plans.clear();
    for (std::size_t i = 0; i < plans->size(); ++i) {
      const std::string at = "plans[" + std::to_string(i + 1) + "]";
      if (!(*plans)[i].is_object()) Fail(where, at, "expected { name = ..., included = N, price = dollars }");
      const json::object& p = (*plans)[i].as_object();
      const std::string plan = StringField(p, "name");
      if (plan.empty()) Fail(where, at + ".name", "expected the plan's name");
      options.plans.push_back(
          {plan, Micros(where, at + ".included", p.contains("included") ? p.at("included") : nullptr),
           Micros(where, at + ".price", p.contains("price") ? p.at("price") : nullptr)});
    }
  }
  return options;
}

// Which cycle an invoice is for: "current" (0), "previous" (-1), or 0, -1, -2 ... cycles back.
int CycleOffset(const std::string& where, const json::object& spec) {
  const auto* v = spec.if_contains("cycle");
  if (!v || v->is_null() || (v->is_string() && v->as_string() == "current")) return 0;
  if (v->is_string() && v->as_string() == "previous") return -1;
  if (v->is_int64() && v->as_int64() <= 0 && v->as_int64() > -1000) return static_cast<int>(v->as_int64());
  Fail(where, "cycle", "expected current, previous or a whole number of cycles back (0, -1, -2, ...)");
}

}  // namespace

void RunRequests(const json::object& requests, const RequestScope& scope, ReportOutput& out) {
  Ledgers ledgers(scope);
  for (const auto& [key, value] : requests) {
    const std::string name(key);
    const std::string where = "data." + name;
    if (!value.is_object()) Fail(where, "", "expected a request such as cl.usage { ... }");
    const json::object& spec = value.as_object();
    const std::string kind = StringField(spec, "kind");
    if (kind == "usage") {
      out.datasets.push_back(scope.engine.Run(name, ReadUsageRequest(name, spec, scope)));
    } else if (kind == "events") {
      out.tables.push_back(query::AuditTable(name, scope.engine, ReadSelection(where, spec, scope),
                                             CountField(where, spec, "limit")));
    } else if (kind == "runs") {
      out.tables.push_back(query::RunsTable(name, scope.engine, ReadSelection(where, spec, scope),
                                            ReadRunGrouping(where, spec), CountField(where, spec, "top")));
    } else if (kind == "folders") {
      out.tables.push_back(query::FolderTable(name, scope.engine, ReadSelection(where, spec, scope)));
    } else if (kind == "limits") {
      out.tables.push_back(query::LimitsTable(name, scope.engine));
    } else if (kind == "credits") {
      out.tables.push_back(query::CreditsTable(name, ledgers.Get()));
    } else if (kind == "ledger") {
      out.tables.push_back(query::LedgerTable(name, ledgers.Get(), RequestRange(where, spec, scope)));
    } else if (kind == "balances") {
      out.tables.push_back(query::BalanceTable(name, ledgers.Get(), RequestRange(where, spec, scope)));
    } else if (kind == "invoice") {
      out.tables.push_back(query::InvoiceTable(name, ledgers.Get(), CycleOffset(where, spec)));
    } else if (kind == "alerts") {
      billing::AlertOptions options;
      options.included_percents = Percents(where, spec, "included", options.included_percents);
      options.flex_percents = Percents(where, spec, "flex", options.flex_percents);
      out.tables.push_back(query::AlertsTable(name, scope.engine, scope.context.as_of_ms, options));
    } else if (kind == "recommendation") {
      out.tables.push_back(
          query::RecommendationTable(name, ledgers.Get(), ReadRecommendationOptions(where, spec)));
    } else {
      Fail(where, "",
           "unknown request kind '" + kind +
               "' (accepted: usage, events, runs, folders, limits, credits, ledger, balances, invoice, "
               "alerts, "
               "recommendation)");
    }
  }
}

}  // namespace creditlens::script

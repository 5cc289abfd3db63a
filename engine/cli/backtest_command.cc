// creditlens backtest: hold out the last days of history, forecast them from the days before with
// each method, and print WAPE per feature and in total against the naive baseline.
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdio>

#include "commands.h"
#include "model/time_zone.h"
#include "projection/backtest.h"
#include "projection/projection.h"
#include "scope_options.h"
#include "source_session.h"
#include "text_table.h"

namespace creditlens::cli {
namespace {

constexpr int kDefaultHoldoutDays = 28;
constexpr int kDefaultBasisDays = 90;

int DaysOption(const ParsedArgs& args, const char* name, int fallback) {
  const auto text = args.Get(name);
  if (!text) return fallback;
  const auto value = ParseInteger(*text);
  if (!value || *value < 1 || *value > 3660) {
    throw UsageError(std::string("--") + name + " expects a number of days from 1 to 3660, got '" + *text +
                     "'");
  }
  return static_cast<int>(*value);
}

std::string Percent(const std::optional<double>& share) {
  if (!share) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", *share * 100);
  return text;
}

std::string FeatureLabel(const projection::BacktestRow& row) {
  return row.feature.empty() ? "(total)" : row.category + "/" + row.feature;
}

void PrintText(const projection::Backtest& backtest) {
  std::printf("train %s – %s, holdout %s – %s\n", model::FormatDate(backtest.train_first_day).c_str(),
              model::FormatDate(backtest.train_last_day).c_str(),
              model::FormatDate(backtest.holdout_first_day).c_str(),
              model::FormatDate(backtest.holdout_last_day).c_str());
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"feature", "actual"};
  for (const auto method : projection::kBacktestMethods)
    header.push_back(std::string(ToString(method)) + " WAPE");
  header.insert(header.end(), {"seasonal P10-P90 hits", "current_rate P10-P90 hits"});
  rows.push_back(header);
  for (const auto& row : backtest.rows) {
    std::vector<std::string> cells = {FeatureLabel(row), FormatMicroCredits(row.actual_total)};
    for (const auto& score : row.scores) cells.push_back(Percent(score.wape));
    for (const auto& score : row.scores) {
      if (score.coverage) cells.push_back(Percent(score.coverage));
    }
    rows.push_back(cells);
  }
  PrintColumns(rows);
}

boost::json::value OptionalNumber(const std::optional<double>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

std::string ToJson(const projection::Backtest& backtest, const std::string& scope) {
  boost::json::object out;
  out["scope"] = scope;
  out["train"] = {{"first_day", model::FormatDate(backtest.train_first_day)},
                  {"last_day", model::FormatDate(backtest.train_last_day)}};
  out["holdout"] = {{"first_day", model::FormatDate(backtest.holdout_first_day)},
                    {"last_day", model::FormatDate(backtest.holdout_last_day)}};
  boost::json::array rows;
  for (const auto& row : backtest.rows) {
    boost::json::object scores;
    for (const auto& score : row.scores) {
      scores[ToString(score.method)] = {{"wape", OptionalNumber(score.wape)},
                                        {"coverage", OptionalNumber(score.coverage)},
                                        {"forecast", MicroCreditsToDouble(score.forecast_total)}};
    }
    rows.push_back(
        {{"category", row.category},
         {"feature", row.feature.empty() ? boost::json::value(nullptr) : boost::json::value(row.feature)},
         {"actual", MicroCreditsToDouble(row.actual_total)},
         {"scores", scores}});
  }
  out["rows"] = std::move(rows);
  return boost::json::serialize(out) + "\n";
}

int RunBacktest(const ParsedArgs& args, const std::filesystem::path& executable) {
  const int holdout = DaysOption(args, "holdout", kDefaultHoldoutDays);
  const int basis = DaysOption(args, "basis", kDefaultBasisDays);
  const std::string format = args.Get("format").value_or("text");
  if (format != "text" && format != "json")
    throw UsageError("unknown format '" + format + "' (accepted: text, json)");
  const ScopeArgs scope_args = ParseScopeArgs(args);

  auto session = OpenSource(args, executable, Access::kRead);
  const Scope scope = OpenScope(scope_args, *session);
  const std::int32_t last_day = projection::LastCompleteDay(scope.engine->zone(), scope.as_of_ms);
  const projection::Backtest backtest = [&] {
    try {
      return projection::RunBacktest(*scope.engine, last_day, holdout, basis);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }();
  if (format == "json") {
    const std::string text = ToJson(backtest, scope_args.workspace.value_or("organisation"));
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    PrintText(backtest);
  }
  return 0;
}

}  // namespace

Command BacktestCommand() {
  CommandSpec spec{
      "backtest", "", "Score the forecast methods on held-out history: WAPE per feature and in total.",
      "Holds out the last --holdout days of history (default 28), forecasts them from the --basis days\n"
      "before (default 90) with the seasonal and current-rate methods and the naive baseline (the\n"
      "average of the last period as long as the holdout), and prints each one's WAPE: the sum of\n"
      "absolute daily errors over the sum of actual usage. The hits columns give the share of held-out\n"
      "days inside the method's daily P10-P90 band (80% when the bands are honest).",
      SourceOptions()};
  const auto scope = ScopeOptions();
  spec.options.insert(spec.options.end(), scope.begin(), scope.end());
  spec.options.push_back({"holdout", "DAYS", "days held out at the end of history (default 28)"});
  spec.options.push_back({"basis", "DAYS", "days of history before the holdout to train on (default 90)"});
  spec.options.push_back({"format", "FORMAT", "text (default) or json"});
  return {spec, &RunBacktest};
}

}  // namespace creditlens::cli

// Backtests: hold out the last days of history, forecast them from the days before, and score each
// method per feature and in total by WAPE (sum of absolute daily errors over the sum of actual
// usage) against the naive baseline: the average of the last period as long as the holdout.
// Also scores the bands: the share of held-out days inside each method's daily P10-P90 band.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "creditlens/credits.h"
#include "projection/forecast.h"
#include "query/usage_query.h"

namespace creditlens::projection {

enum class BacktestMethod { kSeasonal, kCurrentRate, kNaive };
inline constexpr BacktestMethod kBacktestMethods[] = {BacktestMethod::kSeasonal, BacktestMethod::kCurrentRate,
                                                      BacktestMethod::kNaive};
const char* ToString(BacktestMethod method);  // "seasonal", "current_rate", "naive"

// A method's forecast of the held-out days: the mean and the variance of each day.
struct HoldoutForecast {
  std::vector<double> mean;
  std::vector<double> variance;  // all 0 for the naive baseline, which has no bands
};

HoldoutForecast ForecastHoldout(const DailySeries& train, BacktestMethod method, std::size_t days);

// Sum |actual - forecast| / sum actual; nothing when there was no actual usage.
std::optional<double> Wape(std::span<const double> actual, std::span<const double> forecast);
// The share of days whose actual lies within the forecast's daily P10-P90 band.
double BandCoverage(std::span<const double> actual, const HoldoutForecast& forecast);

struct MethodScore {
  BacktestMethod method = BacktestMethod::kSeasonal;
  std::optional<double> wape;
  std::optional<double> coverage;  // not for the naive baseline
  MicroCredits forecast_total = 0;
};

struct BacktestRow {
  std::string category;  // both empty: the total over all features
  std::string feature;
  MicroCredits actual_total = 0;    // over the holdout
  std::vector<MethodScore> scores;  // in kBacktestMethods order
};

struct Backtest {
  std::int32_t train_first_day = 0;
  std::int32_t train_last_day = 0;
  std::int32_t holdout_first_day = 0;
  std::int32_t holdout_last_day = 0;
  std::vector<BacktestRow> rows;  // the total first, then features by actual usage, largest first
};

// Backtests the engine's scope with history through last_day: the last holdout_days are held out and
// the basis_days before them train. Throws std::invalid_argument when the history is too short.
Backtest RunBacktest(const query::UsageEngine& engine, std::int32_t last_day, int holdout_days,
                     int basis_days);

}  // namespace creditlens::projection

#include "projection/projection_days.h"

#include <charconv>
#include <optional>
#include <stdexcept>

#include "billing/billing_cycle.h"
#include "model/timestamp.h"

namespace creditlens::projection {
namespace {

std::optional<int> CountWithSuffix(const std::string& spec, char suffix) {
  if (spec.size() < 2 || spec.back() != suffix) return std::nullopt;
  int n = 0;
  const char* last = spec.data() + spec.size() - 1;
  const auto [end, ec] = std::from_chars(spec.data(), last, n);
  if (ec != std::errc{} || end != last || n < 1 || n > kMaxHorizonDays) return std::nullopt;
  return n;
}

std::int32_t AddMonths(std::int32_t day, int months) {
  const model::CivilDate date = model::ToCivil(day);
  return model::FromCivilClamped(date.year, static_cast<int>(date.month) + months, date.day);
}

// The cycle in force at the start of `day`, as local days.
std::optional<query::DayRange> CycleDays(const Workspace& workspace, const model::TimeZone& zone,
                                         std::int64_t at_ms) {
  const auto cycle = billing::CycleAt(workspace, zone, at_ms);
  if (!cycle) return std::nullopt;
  return query::DayRange{zone.LocalDay(cycle->start_ms), zone.LocalDay(cycle->end_ms - 1)};
}

query::DayRange RequireCycle(const std::optional<query::DayRange>& cycle, const std::string& spec,
                             const Workspace& workspace) {
  if (!cycle) {
    throw std::invalid_argument("'" + spec + "' needs a billing cycle, and workspace " + workspace.id +
                                " has no plan in force then; give a number of days or a date");
  }
  return *cycle;
}

std::optional<query::DayRange> ParseDateRange(const std::string& spec) {
  const auto dots = spec.find("..");
  if (dots == std::string::npos) return std::nullopt;
  const auto first = model::ParseIsoDate(spec.substr(0, dots));
  const auto last = model::ParseIsoDate(spec.substr(dots + 2));
  if (!first || !last || *first > *last) return std::nullopt;
  return query::DayRange{*first, *last};
}

}  // namespace

std::int32_t ResolveHorizon(const std::string& spec, const Workspace& workspace, const model::TimeZone& zone,
                            std::int32_t last_actual_day) {
  const std::int32_t first = last_actual_day + 1;
  std::optional<std::int32_t> horizon;
  if (spec == "cycle_end" || spec == "next_cycle_end") {
    const auto current = RequireCycle(CycleDays(workspace, zone, zone.StartOfDay(first)), spec, workspace);
    horizon = current.last_day;
    if (spec == "next_cycle_end") {
      horizon =
          RequireCycle(CycleDays(workspace, zone, zone.StartOfDay(current.last_day + 1)), spec, workspace)
              .last_day;
    }
  } else if (const auto days = CountWithSuffix(spec, 'd')) {
    horizon = last_actual_day + *days;
  } else if (const auto months = CountWithSuffix(spec, 'm')) {
    horizon = AddMonths(last_actual_day, *months);
  } else if (const auto years = CountWithSuffix(spec, 'y')) {
    horizon = AddMonths(last_actual_day, 12 * *years);
  } else if (const auto date = model::ParseIsoDate(spec)) {
    if (*date < first) {
      throw std::invalid_argument("horizon " + spec + " is not after the last day of history, " +
                                  model::FormatDate(last_actual_day));
    }
    horizon = *date;
  } else {
    throw std::invalid_argument("unknown horizon '" + spec +
                                "' (accepted: cycle_end, next_cycle_end, 3m or any Nm, 1y or any Ny, any Nd, "
                                "YYYY-MM-DD)");
  }
  if (*horizon - last_actual_day > kMaxHorizonDays) {
    throw std::invalid_argument("horizon '" + spec + "' is more than " + std::to_string(kMaxHorizonDays) +
                                " days ahead");
  }
  return *horizon;
}

query::DayRange ResolveBasis(const std::string& spec, const Workspace& workspace, const model::TimeZone& zone,
                             std::int32_t last_actual_day) {
  query::DayRange basis;
  if (spec == "cycle") {
    basis = RequireCycle(CycleDays(workspace, zone, zone.StartOfDay(last_actual_day)), spec, workspace);
    basis.last_day = last_actual_day;
  } else if (spec == "previous_cycle") {
    const auto current =
        RequireCycle(CycleDays(workspace, zone, zone.StartOfDay(last_actual_day)), spec, workspace);
    basis = RequireCycle(CycleDays(workspace, zone, zone.StartOfDay(current.first_day - 1)), spec, workspace);
  } else if (const auto days = CountWithSuffix(spec, 'd')) {
    basis = {last_actual_day - *days + 1, last_actual_day};
  } else if (const auto dates = ParseDateRange(spec)) {
    basis = *dates;
  } else {
    throw std::invalid_argument("unknown basis '" + spec +
                                "' (accepted: 7d, 30d, 90d or any Nd, cycle, previous_cycle, "
                                "YYYY-MM-DD..YYYY-MM-DD)");
  }
  if (basis.last_day > last_actual_day) {
    throw std::invalid_argument("basis '" + spec + "' ends after the last complete day of history, " +
                                model::FormatDate(last_actual_day));
  }
  return basis;
}

}  // namespace creditlens::projection

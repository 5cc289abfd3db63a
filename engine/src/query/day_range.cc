// Range specs: Nd = the last N days including today; Nm = this month and the N-1 before it.
#include "query/day_range.h"

#include <charconv>
#include <stdexcept>

#include "model/time_zone.h"
#include "model/timestamp.h"

namespace creditlens::query {
namespace {

constexpr int kMaxDays = 3660;

std::optional<int> CountWithSuffix(const std::string& spec, char suffix) {
  if (spec.size() < 2 || spec.back() != suffix) return std::nullopt;
  int n = 0;
  const auto [end, ec] = std::from_chars(spec.data(), spec.data() + spec.size() - 1, n);
  if (ec != std::errc{} || end != spec.data() + spec.size() - 1 || n < 1 || n > kMaxDays) return std::nullopt;
  return n;
}

}  // namespace

DayRange ResolveDayRange(const std::string& spec, std::int32_t today, const BillingPeriods& periods) {
  if (spec == "billing_month" || spec == "cycle" || spec == "current_cycle") return periods.current;
  if (spec == "previous_cycle") return periods.previous;
  if (const auto days = CountWithSuffix(spec, 'd')) return {today - *days + 1, today};
  if (const auto months = CountWithSuffix(spec, 'm')) {
    const model::CivilDate now = model::ToCivil(today);
    return {model::FromCivilClamped(now.year, static_cast<int>(now.month) - *months + 1, 1), today};
  }
  if (const auto dots = spec.find(".."); dots != std::string::npos) {
    const auto from = model::ParseIsoDate(spec.substr(0, dots));
    const auto to = model::ParseIsoDate(spec.substr(dots + 2));
    if (from && to && *from <= *to && *to - *from < kMaxDays) return {*from, *to};
  }
  throw std::invalid_argument(
      "unknown range '" + spec +
      "' (accepted: billing_month (or cycle), previous_cycle, 7d, 30d, 90d or any Nd, 12m or any Nm, "
      "YYYY-MM-DD..YYYY-MM-DD)");
}

DayRange PreviousPeriod(const DayRange& range, std::int32_t today) {
  const model::CivilDate first = model::ToCivil(range.first_day);
  const model::CivilDate last = model::ToCivil(range.last_day);
  const bool month_end = model::ToCivil(range.last_day + 1).day == 1 || range.last_day == today;
  if (first.day == 1 && month_end) {
    const int first_month = static_cast<int>(first.month);
    const int months = (last.year - first.year) * 12 + static_cast<int>(last.month) - first_month + 1;
    return {model::FromCivilClamped(first.year, first_month - months, 1), range.first_day - 1};
  }
  const std::int32_t days = range.last_day - range.first_day + 1;
  return {range.first_day - days, range.first_day - 1};
}

std::string Describe(const DayRange& range) {
  return model::FormatDate(range.first_day) + " – " + model::FormatDate(range.last_day);
}

}  // namespace creditlens::query

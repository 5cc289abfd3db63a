// Parsing the five cron fields and the macros, with errors that name the field and what was expected.
#include "schedule/cron_expression.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <stdexcept>
#include <utility>
#include <vector>

#include "model/time_zone.h"

namespace creditlens::schedule {
namespace {

struct Field {
  const char* name;
  int min;
  int max;
  int star_max;            // where * and an open step (5/15) end: 6 for day-of-week, where 7 is Sunday again
  std::string_view names;  // three letters per value from min on (jan = 1, sun = 0); empty if none
  const char* expected;    // what a value may be, for errors
  bool last_day = false;   // L and L-N allowed (day-of-month)
};

constexpr std::array<Field, 5> kFields = {{
    {"minute", 0, 59, 59, "", "a number 0-59"},
    {"hour", 0, 23, 23, "", "a number 0-23"},
    {"day-of-month", 1, 31, 31, "", "a day 1-31, L or L-N", true},
    {"month", 1, 12, 12, "janfebmaraprmayjunjulaugsepoctnovdec", "a month 1-12 or JAN-DEC"},
    {"day-of-week", 0, 7, 6, "sunmontuewedthufrisat", "a day 0-7 or SUN-SAT"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kMacros = {{
    {"@yearly", "0 0 1 1 *"},
    {"@annually", "0 0 1 1 *"},
    {"@monthly", "0 0 1 * *"},
    {"@weekly", "0 0 * * 0"},
    {"@daily", "0 0 * * *"},
    {"@midnight", "0 0 * * *"},
    {"@hourly", "0 * * * *"},
}};

// The values one field names.
struct FieldValues {
  std::uint64_t set = 0;
  std::uint64_t days_before_last = 0;
};

[[noreturn]] void Fail(const Field& field, const std::string& problem) {
  throw std::invalid_argument(std::string(field.name) + ": " + problem);
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The whole number written in digits (only digits), which must be in [low, high]; errors name it as shown.
int Number(const Field& field, std::string_view digits, int low, int high, std::string_view shown,
           const std::string& range) {
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || value < low || value > high) {
    Fail(field, std::string(shown) + " is out of range " + range);
  }
  return value;
}

// A value of the field: a number or a three-letter name.
int Value(const Field& field, std::string_view token) {
  if (AllDigits(token)) {
    return Number(field, token, field.min, field.max, Quoted(token),
                  std::to_string(field.min) + "-" + std::to_string(field.max));
  }
  const auto at = token.size() == 3 ? field.names.find(Lower(token)) : std::string_view::npos;
  if (at == std::string_view::npos || at % 3 != 0) Fail(field, Quoted(token) + " is not " + field.expected);
  return field.min + static_cast<int>(at / 3);
}

// L (the last day of the month) or L-N (N days before it).
void LastDay(const Field& field, std::string_view element, FieldValues& out) {
  if (element.size() == 1) {
    out.days_before_last |= 1U;
    return;
  }
  if (element[1] != '-' || !AllDigits(element.substr(2)))
    Fail(field, Quoted(element) + " is not " + field.expected);
  out.days_before_last |= std::uint64_t{1}
                          << Number(field, element.substr(2), 1, 30, Quoted(element), "L-1 to L-30");
}

// One list element: *, a value, a range a-b, each with an optional /step; or L, L-N.
void Element(const Field& field, std::string_view element, FieldValues& out) {
  if (field.last_day && (element[0] == 'L' || element[0] == 'l')) return LastDay(field, element, out);
  const auto slash = element.find('/');
  const std::string_view range = element.substr(0, slash);
  int step = 1;
  if (slash != std::string_view::npos) {
    const std::string_view step_text = element.substr(slash + 1);
    const int largest = field.star_max - field.min + 1;
    const std::string steps = "1-" + std::to_string(largest);
    if (!AllDigits(step_text)) Fail(field, "step " + Quoted(step_text) + " is not a number " + steps);
    step = Number(field, step_text, 1, largest, "step " + Quoted(step_text), steps);
  }
  int first = field.min;
  int last = field.star_max;
  if (range != "*") {
    const auto dash = range.find('-');
    first = Value(field, range.substr(0, dash));
    if (dash != std::string_view::npos) {
      last = Value(field, range.substr(dash + 1));
      if (last < first) Fail(field, "range " + Quoted(range) + " goes backwards (ranges do not wrap around)");
    } else {
      last =
          slash == std::string_view::npos ? first : std::max(first, field.star_max);  // 5/15 runs to the end
    }
  }
  for (int value = first; value <= last; value += step) out.set |= std::uint64_t{1} << value;
}

FieldValues ParseField(const Field& field, std::string_view text) {
  FieldValues out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string_view element = text.substr(start, comma - start);
    if (element.empty()) Fail(field, "empty list element in " + Quoted(text));
    Element(field, element, out);
    start = comma + 1;
  }
  return out;
}

std::vector<std::string_view> SplitWhitespace(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[at]))) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    words.push_back(text.substr(at, end - at));
    at = end;
  }
  return words;
}

std::string_view ExpandMacro(std::string_view macro) {
  const std::string lower = Lower(macro);
  for (const auto& [name, fields] : kMacros) {
    if (name == lower) return fields;
  }
  throw std::invalid_argument(
      "unknown macro " + Quoted(macro) +
      " (accepted: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)");
}

int Weekday(std::int32_t local_day) { return ((local_day % 7) + 7 + 4) % 7; }  // 1970-01-01 was a Thursday

}  // namespace

CronExpression CronExpression::Parse(std::string_view text) {
  std::vector<std::string_view> words = SplitWhitespace(text);
  if (words.empty()) throw std::invalid_argument("empty cron expression");
  CronExpression cron;
  cron.text_ = std::string(words.front().data(), words.back().data() + words.back().size());
  if (words.size() == 1 && words[0][0] == '@') words = SplitWhitespace(ExpandMacro(words[0]));
  if (words.size() != kFields.size()) {
    throw std::invalid_argument(
        "expected 5 fields (minute hour day-of-month month day-of-week) or a macro like @daily, got " +
        std::to_string(words.size()) + " in " + Quoted(cron.text_));
  }
  cron.minutes_ = ParseField(kFields[0], words[0]).set;
  cron.hours_ = ParseField(kFields[1], words[1]).set;
  const FieldValues days = ParseField(kFields[2], words[2]);
  cron.days_ = days.set;
  cron.days_before_last_ = days.days_before_last;
  cron.months_ = ParseField(kFields[3], words[3]).set;
  const std::uint64_t weekdays = ParseField(kFields[4], words[4]).set;
  cron.weekdays_ = (weekdays | (weekdays >> 7)) & 0x7F;  // 7 is Sunday, like 0
  cron.fixed_hour_ = words[1][0] != '*';
  cron.day_of_month_star_ = words[2][0] == '*';
  cron.day_of_week_star_ = words[4][0] == '*';
  return cron;
}

bool CronExpression::MatchesDay(std::int32_t local_day) const {
  const model::CivilDate date = model::ToCivil(local_day);
  if (!MatchesMonth(date.month)) return false;
  const unsigned last =
      model::ToCivil(model::FromCivilClamped(date.year, static_cast<int>(date.month), 31)).day;
  const bool day_of_month =
      Has(days_, static_cast<int>(date.day)) || Has(days_before_last_, static_cast<int>(last - date.day));
  const bool day_of_week = Has(weekdays_, Weekday(local_day));
  if (day_of_month_star_ || day_of_week_star_) return day_of_month && day_of_week;
  return day_of_month || day_of_week;
}

}  // namespace creditlens::schedule

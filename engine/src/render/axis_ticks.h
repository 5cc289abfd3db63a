// Axis scales for charts: "nice" tick values (1, 2, 2.5 or 5 times a power of ten) covering a data
// range, and number formatting with thousands separators for tick and value labels.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace creditlens::render {

struct AxisTicks {
  double min = 0;              // the first tick, at or below the data's low end
  double max = 1;              // the last tick, at or above the data's high end
  double step = 1;             // the distance between ticks
  int decimals = 0;            // digits after the point that print every tick exactly
  std::vector<double> values;  // min, min + step, ..., max
};

// About `target` ticks covering [low, high]. A reversed range is swapped, an empty one widened
// ([0, 0] becomes [0, 1]), non-finite bounds count as 0.
AxisTicks NiceTicks(double low, double high, int target = 5);

// `value` rounded to `decimals` digits with a comma every three integer digits: "12,500", "-1,234.50".
std::string FormatNumber(double value, int decimals);

// A value label for a bar or a legend: no decimals from 100 up, at most one from 1, at most two
// below 1; trailing zeros dropped. "12,346", "12.5", "0.25".
std::string FormatCompact(double value);

// An amount shown beside others whose largest magnitude is `largest`. Currency amounts share one
// precision (whole units from 1,000 up, else cents) and carry the sign in front: "$5,400", "$880".
// Other amounts use FormatCompact, followed by the unit word when `with_word_unit` is set.
std::string FormatAmount(double value, std::string_view unit, double largest, bool with_word_unit);

// True when `unit` is a currency sign that prefixes the number ("$", "€", "£") rather than a word
// written after it or as an axis caption ("credits").
bool IsCurrencyUnit(std::string_view unit);

// `number` (already formatted) with the unit applied: "$12.50" for a currency, "12.5 credits" when
// `with_word_unit` is set and the unit is a word, else the number alone.
std::string WithUnit(const std::string& number, std::string_view unit, bool with_word_unit);

}  // namespace creditlens::render

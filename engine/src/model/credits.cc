// Exact decimal <-> micro-credit conversion.
#include "creditlens/credits.h"

#include <charconv>
#include <cstdlib>
#include <limits>

namespace creditlens {

std::optional<MicroCredits> ParseMicroCredits(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if ((whole.empty() && fraction.empty()) || fraction.size() > 6) return std::nullopt;
  if (dot != std::string_view::npos && fraction.empty() && whole.empty()) return std::nullopt;

  std::int64_t units = 0;
  if (!whole.empty()) {
    const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), units);
    if (ec != std::errc{} || end != whole.data() + whole.size()) return std::nullopt;
  }
  std::int64_t micros = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    micros = micros * 10 + (c - '0');
  }
  if (units > (std::numeric_limits<std::int64_t>::max() - micros) / kMicrosPerCredit) return std::nullopt;
  const MicroCredits value = units * kMicrosPerCredit + micros;
  return negative ? -value : value;
}

std::string FormatMicroCredits(MicroCredits value) {
  std::string out;
  if (value < 0) out.push_back('-');
  // Work in unsigned so that the most negative value prints correctly.
  const std::uint64_t magnitude = value < 0 ? 0 - static_cast<std::uint64_t>(value) : value;
  out += std::to_string(magnitude / kMicrosPerCredit);
  std::uint64_t fraction = magnitude % kMicrosPerCredit;
  if (fraction != 0) {
    char digits[7] = "000000";
    for (int i = 5; i >= 0; --i, fraction /= 10) digits[i] = static_cast<char>('0' + fraction % 10);
    int last = 5;
    while (digits[last] == '0') --last;
    out.push_back('.');
    out.append(digits, last + 1);
  }
  return out;
}

}  // namespace creditlens

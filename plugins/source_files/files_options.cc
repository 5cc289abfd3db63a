// Reading the files source's settings, from its declared settings and its URI's query.
#include "files_options.h"

#include <algorithm>
#include <array>
#include <span>
#include <stdexcept>

#include "creditlens/credits.h"

namespace creditlens::files {
namespace {

constexpr std::array<std::string_view, 3> kUriSettings = {"accounts", "focus_credit_price",
                                                          "focus_cost_column"};
constexpr std::array<std::string_view, 4> kCostColumns = {"BilledCost", "EffectiveCost", "ListCost",
                                                          "ContractedCost"};

std::string Joined(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) (out += out.empty() ? "" : ", ") += name;
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%2F" -> "/", "+" stays "+" (a price or a path, not a form).
std::string PercentDecoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      throw std::invalid_argument("bad percent escape in '" + std::string(text) +
                                  "' (expected % and two hex digits)");
    }
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

// Parses focus_credit_price: dollars per credit, like price_per_credit in the accounts file.
ExactDecimal CreditPrice(const std::string& text) {
  const auto micros = ParseMicroCredits(text);
  if (!micros || *micros <= 0) {
    throw std::invalid_argument(
        "setting 'focus_credit_price': expected dollars per credit, a decimal > 0 "
        "with at most 6 decimals like 0.01, got '" +
        text + "'");
  }
  return {*micros, -6};
}

}  // namespace

FilesUri ParseFilesUri(std::string_view uri) {
  FilesUri out;
  const std::size_t question = uri.find('?');
  std::error_code ignored;
  if (question == std::string_view::npos || std::filesystem::exists(std::string(uri), ignored)) {
    out.path = uri;
    return out;
  }
  out.path = uri.substr(0, question);
  std::string_view query = uri.substr(question + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (item.empty()) continue;
    const std::size_t equals = item.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      throw std::invalid_argument("files:" + std::string(uri) + ": expected name=value in the query, got '" +
                                  std::string(item) + "'");
    }
    const std::string name = PercentDecoded(item.substr(0, equals));
    if (std::find(kUriSettings.begin(), kUriSettings.end(), name) == kUriSettings.end()) {
      throw std::invalid_argument("files:" + std::string(uri) + ": unknown setting '" + name +
                                  "' in the query (accepted: " + Joined(kUriSettings) + ")");
    }
    out.settings[name] = PercentDecoded(item.substr(equals + 1));
  }
  return out;
}

bool IsFocusCostColumn(std::string_view name) {
  return std::find(kCostColumns.begin(), kCostColumns.end(), name) != kCostColumns.end();
}

FilesOptions ReadFilesOptions(const Settings& settings) {
  const FilesUri uri = ParseFilesUri(settings.at("uri"));
  auto value = [&](const std::string& name) -> const std::string& {
    const auto given = uri.settings.find(name);
    return given != uri.settings.end() ? given->second : settings.at(name);
  };
  if (uri.path.empty()) {
    throw std::invalid_argument("no file or directory given (expected --source files:PATH)");
  }
  FilesOptions out;
  out.path = uri.path;
  out.accounts = value("accounts");
  out.focus.cost_column = value("focus_cost_column");
  if (!IsFocusCostColumn(out.focus.cost_column)) {
    throw std::invalid_argument("setting 'focus_cost_column': expected one of " + Joined(kCostColumns) +
                                ", got '" + out.focus.cost_column + "'");
  }
  out.focus.credit_price_text = value("focus_credit_price");
  if (out.focus.priced()) out.focus.credit_price = CreditPrice(out.focus.credit_price_text);
  return out;
}

}  // namespace creditlens::files

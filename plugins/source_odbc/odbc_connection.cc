// The attribute grammar of SQLDriverConnect: key=value;... with {braced} values, "}}" escaping '}'.
#include "odbc_connection.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace creditlens::odbc {
namespace {

std::string Upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

std::string Trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ParseOdbcAttributes(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto eq = text.find('=', at);
    const auto semicolon = text.find(';', at);
    if (eq == std::string_view::npos || (semicolon != std::string_view::npos && semicolon < eq)) {
      const std::string rest =
          Trimmed(text.substr(at, semicolon == std::string_view::npos ? text.npos : semicolon - at));
      // Not echoed: it might be a password typed without its key.
      if (!rest.empty()) throw std::invalid_argument("ODBC connection string: an attribute is not key=value");
      at = semicolon == std::string_view::npos ? text.size() : semicolon + 1;
      continue;
    }
    std::string key = Trimmed(text.substr(at, eq - at));
    std::size_t value_start = eq + 1;
    while (value_start < text.size() && text[value_start] == ' ') ++value_start;
    std::string value;
    if (value_start < text.size() && text[value_start] == '{') {
      std::size_t i = value_start + 1;
      for (;; ++i) {
        if (i >= text.size()) throw std::invalid_argument("ODBC connection string: unclosed '{' in " + key);
        if (text[i] != '}') {
          value += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == '}') {
          value += '}';
          ++i;
        } else {
          break;
        }
      }
      const auto end = text.find(';', i);
      at = end == std::string_view::npos ? text.size() : end + 1;
    } else {
      const auto end = text.find(';', value_start);
      value =
          Trimmed(text.substr(value_start, end == std::string_view::npos ? text.npos : end - value_start));
      at = end == std::string_view::npos ? text.size() : end + 1;
    }
    pairs.emplace_back(std::move(key), std::move(value));
  }
  return pairs;
}

std::string OdbcConnectionString(const std::string& text, const std::optional<std::string>& password) {
  bool paging_given = false;
  for (const auto& [key, value] : ParseOdbcAttributes(text)) {
    const std::string name = Upper(key);
    paging_given = paging_given || name == "USEDECLAREFETCH";
    if (name == "PWD" || name == "PASSWORD") {
      throw std::invalid_argument(
          "ODBC connection string: a password on the command line is refused; put it in the environment "
          "variable named by password_env or in password_file");
    }
  }
  std::string joined = text;
  while (!joined.empty() && (joined.back() == ' ' || joined.back() == ';')) joined.pop_back();
  const auto append = [&](const std::string& pair) { joined += (joined.empty() ? "" : ";") + pair; };
  if (!paging_given) append("UseDeclareFetch=1;Fetch=10000");
  if (!password) return joined;
  std::string escaped;
  for (const char c : *password) escaped += c == '}' ? std::string("}}") : std::string(1, c);
  append("PWD={" + escaped + "}");
  return joined;
}

std::string DescribeOdbcSource(const std::string& text) { return "ODBC data source " + text; }

}  // namespace creditlens::odbc

// TabSeparated escaping as ClickHouse writes and reads it (docs: "TabSeparated" format).
#include "tab_separated.h"

#include <algorithm>

namespace creditlens::clickhouse {
namespace {

// The character an escape sequence stands for, or -1 when ClickHouse would not write it.
int Unescaped(char c) {
  switch (c) {
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'r':
      return '\r';
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '0':
      return '\0';
    case '\'':
    case '\\':
    case '"':
    case '/':
    case '-':
      return c;
    default:
      return -1;
  }
}

// Unescapes one raw field into out; \N alone is NULL (out empty, null true).
bool Unescape(std::string_view raw, std::string& out, std::vector<bool>::reference null) {
  out.clear();
  null = raw == "\\N";
  if (null) return true;
  for (std::size_t i = 0;;) {
    const std::size_t slash = raw.find('\\', i);
    out.append(raw.substr(i, slash == std::string_view::npos ? slash : slash - i));
    if (slash == std::string_view::npos) return true;
    const int c = slash + 1 < raw.size() ? Unescaped(raw[slash + 1]) : -1;
    if (c < 0) return false;
    out += static_cast<char>(c);
    i = slash + 2;
  }
}

}  // namespace

void AppendEscapedField(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\0':
        out += "\\0";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\'':
        out += "\\'";
        break;
      default:
        out += c;
    }
  }
}

bool TsvRow::Parse(std::string_view line, std::size_t columns) {
  if (fields_.size() < columns) {
    fields_.resize(columns);
    nulls_.resize(columns);
  }
  count_ = 0;
  // A raw tab never stands inside a field (it is written as \t), so the fields are the pieces between tabs.
  for (std::size_t start = 0;; ++count_) {
    const std::size_t tab = std::min(line.find('\t', start), line.size());
    if (count_ == columns) {
      error_ = "more than " + std::to_string(columns) + " fields";
      return false;
    }
    if (!Unescape(line.substr(start, tab - start), fields_[count_], nulls_[count_])) {
      error_ = "bad escape in field " + std::to_string(count_ + 1);
      return false;
    }
    if (tab == line.size()) break;
    start = tab + 1;
  }
  if (++count_ != columns) {
    error_ = std::to_string(count_) + " fields where " + std::to_string(columns) + " were expected";
    return false;
  }
  return true;
}

}  // namespace creditlens::clickhouse

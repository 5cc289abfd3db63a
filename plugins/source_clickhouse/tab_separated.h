// ClickHouse's TabSeparated text format, both ways: values escaped for the external tables we send,
// and result rows split and unescaped strictly (a row with the wrong number of fields, an unknown
// escape or a missing final newline is an error, never a guess).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace creditlens::clickhouse {

// Appends value to out escaped as one TabSeparated field: backslash, tab, newline, carriage return,
// NUL, backspace, form feed and single quote are written as backslash escapes.
void AppendEscapedField(std::string& out, std::string_view value);

// One result row, its fields unescaped. Reuses its storage from row to row.
class TsvRow {
 public:
  // Splits line (without its '\n') into fields. Returns false, with error() saying why, when the line
  // is not exactly `columns` well-formed fields.
  bool Parse(std::string_view line, std::size_t columns);

  std::size_t size() const { return count_; }
  const std::string& operator[](std::size_t i) const { return fields_[i]; }
  // True when field i is ClickHouse's NULL marker (\N).
  bool IsNull(std::size_t i) const { return nulls_[i]; }
  const std::string& error() const { return error_; }

 private:
  std::vector<std::string> fields_;
  std::vector<bool> nulls_;
  std::size_t count_ = 0;
  std::string error_;
};

}  // namespace creditlens::clickhouse

// A SQL statement under construction: its text and the values bound to its placeholders, in order.
// Values are only ever added through Bind(), which hands back the dialect's placeholder.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "sql_dialect.h"

namespace creditlens::sql {

using BoundValue = std::variant<std::int64_t, std::string>;

class SqlQuery {
 public:
  explicit SqlQuery(const SqlDialect& dialect) : dialect_(&dialect) {}

  // Records value and returns its placeholder, to be written into text.
  std::string Bind(std::int64_t value) {
    values.emplace_back(std::in_place_type<std::int64_t>, value);
    return dialect_->Placeholder(values.size());
  }
  std::string Bind(std::string value) {
    values.emplace_back(std::in_place_type<std::string>, std::move(value));
    return dialect_->Placeholder(values.size());
  }
  const SqlDialect& dialect() const { return *dialect_; }

  std::string text;
  std::vector<BoundValue> values;

 private:
  const SqlDialect* dialect_;
};

}  // namespace creditlens::sql
